package org.example.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Temperature readings in and out, validated. */
@RestController
@RequestMapping("/readings")
public class ReadingController {
    /** One reading of one sensor. */
    public record Reading(@NotBlank String sensor, @DecimalMin("-60") @DecimalMax("150") double celsius) {}

    private final List<Reading> readings = new CopyOnWriteArrayList<>();

    @PostMapping
    public Reading add(@Valid @RequestBody Reading reading) {
        readings.add(reading);
        return reading;
    }

    @GetMapping
    public List<Reading> all() {
        return List.copyOf(readings);
    }
}
