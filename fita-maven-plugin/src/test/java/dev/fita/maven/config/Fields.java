package dev.fita.maven.config;

import java.lang.reflect.Field;

/** Sets private fields the way Maven's configurator does, so tests use the real config classes. */
final class Fields {
    private Fields() {}

    static <T> T set(T target, String name, Object value) {
        try {
            Field field = target.getClass().getDeclaredField(name);
            field.setAccessible(true);
            field.set(target, value);
            return target;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
