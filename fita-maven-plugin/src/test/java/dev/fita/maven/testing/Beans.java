package dev.fita.maven.testing;

import java.lang.reflect.Field;

/** Sets private fields the way Maven's configurator does, so tests use the real parameter classes and Mojos. */
public final class Beans {
    private Beans() {}

    public static <T> T set(T target, String name, Object value) {
        try {
            for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
                try {
                    Field field = type.getDeclaredField(name);
                    field.setAccessible(true);
                    field.set(target, value);
                    return target;
                } catch (NoSuchFieldException e) {
                    // declared further up
                }
            }
            throw new AssertionError("no field " + name + " in " + target.getClass());
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
