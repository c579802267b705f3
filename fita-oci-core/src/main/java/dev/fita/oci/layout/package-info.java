/**
 * The OCI image layout on disk ({@code oci-layout}, {@code index.json}, {@code blobs/<alg>/<hex>})
 * as a {@link dev.fita.oci.content.Storage}, and its tar form. Blobs are written to a temp file and
 * renamed into place only after their digest and size check, so a layout never holds a blob whose
 * name lies about its content. The only package that knows the layout's paths. Imports the model
 * and {@code content}.
 */
package dev.fita.oci.layout;
