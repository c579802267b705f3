package dev.fita.oci.registry;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Captures every java.util.logging record of our client and its HTTP libraries, at all levels. */
final class LogCapture implements AutoCloseable {

    /** Including Apache HttpClient, whose header and wire logs would show Authorization if we let them. */
    private static final List<String> LOGGERS = List.of("dev.fita.oci", "com.google.api.client", "org.apache.http");

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<Logger> loggers;
    private final List<Level> previous;
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String msg = record.getMessage();
            if (record.getParameters() != null) {
                msg = msg + " " + java.util.Arrays.toString(record.getParameters());
            }
            lines.add(msg + (record.getThrown() != null ? " " + record.getThrown() : ""));
        }

        @Override public void flush() { }

        @Override public void close() { }
    };

    LogCapture() {
        loggers = LOGGERS.stream().map(Logger::getLogger).toList();
        previous = loggers.stream().map(Logger::getLevel).toList();
        handler.setLevel(Level.ALL);
        for (Logger l : loggers) {
            l.setLevel(Level.ALL);
            l.addHandler(handler);
        }
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        for (int i = 0; i < loggers.size(); i++) {
            loggers.get(i).removeHandler(handler);
            loggers.get(i).setLevel(previous.get(i));
        }
    }
}
