package dev.fita.maven.testing;

import java.lang.reflect.Field;

/** Sets private fields the way Maven's configurator does (superclasses included), so tests use the real classes. */
public final class Fields {
    private Fields() {}

    public static <T> T set(T target, String name, Object value) {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                field.set(target, value);
                return target;
            } catch (NoSuchFieldException e) {
                // declared further up
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no field " + name + " in " + target.getClass());
    }
}
