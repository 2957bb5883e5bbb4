package org.dues.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * The prepared statements the application runs while recording is on, with the values
 * bound to them, so a benchmark can run the very statement again under {@code EXPLAIN}.
 * Wraps the application's data source; off, it only passes calls through.
 */
final class RecordedStatements implements BeanPostProcessor {

	/** A statement as it ran: its SQL and each parameter's setter and arguments. */
	record Statement(String sql, List<Bound> bound, long nanos) {

		/** Runs the statement again, prefixed (for example with {@code EXPLAIN}). */
		List<String> rerun(Connection connection, String prefix) throws SQLException {
			try (PreparedStatement ps = connection.prepareStatement(prefix + this.sql)) {
				for (Bound b : this.bound) {
					try {
						b.setter().invoke(ps, b.args());
					}
					catch (IllegalAccessException | InvocationTargetException ex) {
						throw new SQLException(ex);
					}
				}
				List<String> lines = new ArrayList<>();
				try (var rs = ps.executeQuery()) {
					while (rs.next()) {
						lines.add(rs.getString(1));
					}
				}
				return lines;
			}
		}

	}

	record Bound(Method setter, Object[] args) {
	}

	private final List<Statement> recorded = new ArrayList<>();

	private volatile boolean on;

	/** Records the statements {@code work} runs on this thread. */
	synchronized List<Statement> during(Runnable work) {
		synchronized (this.recorded) {
			this.recorded.clear();
		}
		this.on = true;
		try {
			work.run();
		}
		finally {
			this.on = false;
		}
		synchronized (this.recorded) {
			return List.copyOf(this.recorded);
		}
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource) {
			return proxy(DataSource.class, (p, m, a) -> {
				Object result = invoke(dataSource, m, a);
				return (result instanceof Connection c) ? connection(c) : result;
			});
		}
		return bean;
	}

	private Connection connection(Connection target) {
		return proxy(Connection.class, (p, m, a) -> {
			Object result = invoke(target, m, a);
			if (this.on && m.getName().equals("prepareStatement") && result instanceof PreparedStatement ps) {
				return statement(ps, (String) a[0]);
			}
			return result;
		});
	}

	private PreparedStatement statement(PreparedStatement target, String sql) {
		Map<Integer, Bound> bound = new LinkedHashMap<>();
		return proxy(PreparedStatement.class, (p, m, a) -> {
			if (m.getName().startsWith("set") && a != null && a.length >= 2 && a[0] instanceof Integer i) {
				bound.put(i, new Bound(m, a.clone()));
			}
			if (m.getName().startsWith("execute") && (a == null || a.length == 0)) {
				long started = System.nanoTime();
				try {
					return invoke(target, m, a);
				}
				finally {
					synchronized (this.recorded) {
						this.recorded.add(new Statement(sql, List.copyOf(bound.values()), System.nanoTime() - started));
					}
				}
			}
			return invoke(target, m, a);
		});
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, InvocationHandler handler) {
		return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, handler);
	}

}
