package org.example.shop.web;

import java.io.IOException;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Lists the products as plain text. */
@WebServlet("/products")
public class ProductsServlet extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(ProductsServlet.class);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LOG.debug("listing products");
        response.setContentType("text/plain");
        response.getWriter().println("coffee\ntea");
    }
}
