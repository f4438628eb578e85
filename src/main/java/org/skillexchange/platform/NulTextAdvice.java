package org.skillexchange.platform;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Refuses a request body with a NUL character (U+0000) in any text, naming the field: PostgreSQL cannot store NUL in
 * text, so the insert would fail with a 500 after validation had passed.
 */
@RestControllerAdvice
class NulTextAdvice extends RequestBodyAdviceAdapter {

	@Override
	public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		check(body, "");
		return body;
	}

	private static void check(@Nullable Object value, String path) {
		if (value instanceof String text) {
			if (text.indexOf('\u0000') >= 0) {
				throw new InvalidField(path.isEmpty() ? "body" : path, "must not contain the NUL character (U+0000)");
			}
		}
		else if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				check(list.get(i), path + "[" + i + "]");
			}
		}
		else if (value instanceof Map<?, ?> map) {
			map.forEach((key, item) -> {
				check(key, path);
				check(item, field(path, String.valueOf(key)));
			});
		}
		else if (value != null && value.getClass().isRecord()) {
			for (RecordComponent component : value.getClass().getRecordComponents()) {
				check(read(component.getAccessor(), value), field(path, component.getName()));
			}
		}
	}

	private static String field(String path, String name) {
		return path.isEmpty() ? name : path + "." + name;
	}

	private static @Nullable Object read(Method accessor, Object record) {
		try {
			accessor.setAccessible(true);
			return accessor.invoke(record);
		}
		catch (IllegalAccessException | InvocationTargetException e) {
			throw new IllegalStateException("cannot read " + accessor + " of a request body", e);
		}
	}
}
