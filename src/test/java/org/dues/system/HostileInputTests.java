package org.dues.system;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.RecordComponent;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dues.IntegrationTest;
import org.dues.identity.NewUser;
import org.dues.identity.Role;
import org.dues.identity.UserManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the OpenAPI document and every page, probed over real HTTP as an
 * attacker would: a NUL in each parameter, each string field of a body and each path
 * variable; out-of-range dates; an oversized body, a non-JSON body and an unexpected
 * upload; paths with {@code ;}, {@code %2F} and {@code \}. No answer may be a 5xx or show
 * anything internal (class or exception names, file paths, the database's words), and
 * every API error is problem details.
 */
@IntegrationTest
class HostileInputTests {

	/** What no answer may show. */
	static final Pattern INTERNAL = Pattern.compile("\\b(?:java|javax|jakarta|org|com|tools)\\.[a-z]+\\.\\w"
			+ "|Exception\\b|\\b[A-Z]\\w*\\.[a-z]\\w*\\(|\\bat [\\w.$]+\\(|(?<![\\w/.:-])/(?:home|tmp|work|var|usr|etc|opt|root)/|ERROR: "
			+ "|SQL ?[Ss]tate|Tomcat|Whitelabel|HTTP Status \\d");

	static final String NUL = "%00";

	static final String HUGE_DATE = "+999999999-12-31";

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	UserManagement users;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	HttpClient http;

	final List<String> failures = new ArrayList<>();

	int probes;

	@BeforeEach
	void client() {
		this.users.createIfAbsent(new NewUser("hostile-admin", "Hostile", "hostile-secret-1",
				java.util.Set.of(Role.ADMIN), List.of("en")));
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	@Test
	void noOperationOfTheApiAnswersHostileInputWithA5xxOrInternalDetail() throws Exception {
		JsonNode doc = JSON.readTree(send("GET", "/v3/api-docs", null, null, false).body());
		JsonNode schemas = doc.path("components").path("schemas");
		int operations = 0;
		for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
			for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
				operations++;
				String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
				JsonNode operation = op.getValue();
				Map<String, String> pathValues = new LinkedHashMap<>();
				List<String> queryNames = new ArrayList<>();
				for (JsonNode parameter : operation.path("parameters")) {
					String name = parameter.path("name").asString();
					if ("path".equals(parameter.path("in").asString())) {
						pathValues.put(name, sample(parameter.path("schema")));
					}
					else if ("query".equals(parameter.path("in").asString())) {
						queryNames.add(name);
					}
				}
				String template = path.getKey();
				String plain = fill(template, pathValues, null);
				JsonNode bodySchema = resolve(
						operation.path("requestBody").path("content").path("application/json").path("schema"), schemas);
				String validBody = bodySchema.isMissingNode() ? null : body(bodySchema, schemas, null);
				// NUL and out-of-range dates in each query parameter
				for (String name : queryNames) {
					api(method, plain + "?" + name + "=" + NUL, validBody);
					api(method, plain + "?" + name + "=" + HUGE_DATE.replace("+", "%2B"), validBody);
				}
				// NUL in each path variable, encoded slashes, matrix parameters
				for (String name : pathValues.keySet()) {
					api(method, fill(template, pathValues, Map.of(name, NUL)), validBody);
					api(method, fill(template, pathValues, Map.of(name, "a%2Fb")), validBody);
					api(method, fill(template, pathValues, Map.of(name, "a;b=c")), validBody);
					raw(method, fill(template, pathValues, Map.of(name, "a\\b")));
				}
				api(method, plain + ";jsessionid=x", validBody);
				if (!"GET".equals(method)) {
					api(method, plain, "{\"not\": json");
					api(method, plain, "[" + "1,".repeat(600_000) + "1]");
					multipart(method, plain);
					if (bodySchema.isObject()) {
						// every string field with a NUL; every date field far in the
						// future
						api(method, plain, body(bodySchema, schemas, "nul"));
						api(method, plain, body(bodySchema, schemas, "date"));
					}
				}
			}
		}
		assertThat(operations).as("operations in the OpenAPI document").isGreaterThan(40);
		assertThat(this.failures).as(this.probes + " probes").isEmpty();
	}

	@Test
	void noPageAnswersHostileInputWithA5xxOrInternalDetail() throws Exception {
		String csrf = login();
		int pages = 0;
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : this.mappings.getHandlerMethods().entrySet()) {
			if (!mapping.getValue().getBeanType().isAnnotationPresent(PageController.class)) {
				continue;
			}
			if (org.springframework.web.servlet.mvc.method.annotation.SseEmitter.class
				.isAssignableFrom(mapping.getValue().getMethod().getReturnType())) {
				// an event stream answers 200 at once and stays open: ChatStreamTests
				// reads
				// them
				continue;
			}
			List<String> names = new ArrayList<>();
			for (MethodParameter parameter : mapping.getValue().getMethodParameters()) {
				RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
				if (param != null) {
					names.add(param.name().isEmpty()
							? param.value().isEmpty() ? parameter.getParameterName() : param.value() : param.name());
				}
				else if (parameter.getParameterType().isRecord()) {
					for (RecordComponent component : parameter.getParameterType().getRecordComponents()) {
						names.add(component.getName());
					}
				}
			}
			var methods = mapping.getKey().getMethodsCondition().getMethods();
			for (String pattern : mapping.getKey().getPatternValues()) {
				if (pattern.equals("/error")) {
					continue;
				}
				pages++;
				String path = pattern.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
				for (RequestMethod method : methods.isEmpty() ? List.of(RequestMethod.GET) : methods) {
					for (String name : names) {
						page(method.name(), path, name + "=" + NUL + "&lang=" + NUL, csrf);
						page(method.name(), path, name + "=" + HUGE_DATE.replace("+", "%2B"), csrf);
						page(method.name(), path, name + "=a%01b", csrf);
					}
					page(method.name(), path + ";x=1", "", csrf);
					page(method.name(), pattern.replaceAll("\\{[^}]+}", "a%2Fb"), "", csrf);
					raw(method.name(), pattern.replaceAll("\\{[^}]+}", "a\\\\b"));
				}
			}
		}
		page("GET", "/login", "lang=" + NUL, csrf);
		page("GET", "/accounts", "q=" + NUL, csrf);
		assertThat(pages).as("pages").isGreaterThan(20);
		assertThat(this.failures).as(this.probes + " probes").isEmpty();
	}

	private void api(String method, String path, String body) throws Exception {
		HttpResponse<String> answer = send(method, path, body, "application/json", true);
		judge(method + " " + path + " " + abbreviate(body), answer.statusCode(), answer.body(),
				answer.headers().firstValue("Content-Type").orElse(""), true);
	}

	private void multipart(String method, String path) throws Exception {
		String body = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nx\r\n--b--\r\n";
		HttpResponse<String> answer = send(method, path, body, "multipart/form-data; boundary=b", true);
		judge(method + " " + path + " multipart", answer.statusCode(), answer.body(),
				answer.headers().firstValue("Content-Type").orElse(""), true);
		// the uploads: an allocation file, a bulk message's list of accounts
		boolean upload = path.equals("/api/v1/imports") || path.equals("/api/v1/messages/bulk")
				|| path.equals("/api/v1/bank-statements");
		if (!upload && answer.statusCode() != 415) {
			this.failures.add(method + " " + path + " multipart: " + answer.statusCode() + " where 415 was due");
		}
	}

	private void page(String method, String path, String query, String csrf) throws Exception {
		HttpResponse<String> answer;
		if ("GET".equals(method)) {
			answer = send(method, path + (query.isEmpty() ? "" : "?" + query), null, null, false);
		}
		else {
			answer = send(method, path, query + (query.isEmpty() ? "" : "&") + "_csrf=" + csrf,
					"application/x-www-form-urlencoded", false);
		}
		judge(method + " " + path + " " + query, answer.statusCode(), answer.body(),
				answer.headers().firstValue("Content-Type").orElse(""), false);
	}

	private void judge(String probe, int status, String body, String type, boolean api) {
		this.probes++;
		if (status >= 500) {
			this.failures.add(probe + ": " + status + " " + abbreviate(body));
		}
		Matcher internal = INTERNAL.matcher(body);
		if (internal.find()) {
			this.failures.add(probe + ": shows '" + internal.group() + "' in " + abbreviate(body));
		}
		if (api && status >= 400 && !type.startsWith("application/problem+json")) {
			this.failures.add(probe + ": " + status + " as " + type + " " + abbreviate(body));
		}
	}

	private void raw(String method, String path) throws Exception {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic()
					+ "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			int status = Integer.parseInt(answer.substring(9, 12));
			String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n")));
			Matcher type = Pattern.compile("(?im)^Content-Type: *(.*)$").matcher(head);
			judge(method + " " + path + " (raw)", status, answer.substring(head.length()),
					type.find() ? type.group(1) : "", path.startsWith("/api/"));
		}
	}

	private HttpResponse<String> send(String method, String path, String body, String type, boolean basic)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.method(method,
					(body == null) ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (type != null) {
			request.header("Content-Type", type);
		}
		if (basic) {
			request.header("Authorization", basic());
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic() {
		return "Basic " + Base64.getEncoder().encodeToString("hostile-admin:hostile-secret-1".getBytes());
	}

	/** Logs in through the form; returns the session's CSRF token. */
	private String login() throws Exception {
		String form = send("GET", "/login", null, null, false).body();
		String token = csrf(form);
		HttpResponse<String> login = send("POST", "/login",
				"username=hostile-admin&password=hostile-secret-1&_csrf=" + token, "application/x-www-form-urlencoded",
				false);
		assertThat(login.statusCode()).isEqualTo(302);
		return csrf(send("GET", "/accounts", null, null, false).body());
	}

	private static String csrf(String page) {
		Matcher matcher = Pattern.compile("name=\"_csrf\"[^>]*(?:value|content)=\"([^\"]+)\"").matcher(page);
		assertThat(matcher.find()).as("a CSRF token in " + abbreviate(page)).isTrue();
		return matcher.group(1);
	}

	private static String fill(String template, Map<String, String> values, Map<String, String> overrides) {
		String path = template;
		for (Map.Entry<String, String> value : values.entrySet()) {
			String given = (overrides != null && overrides.containsKey(value.getKey())) ? overrides.get(value.getKey())
					: value.getValue();
			path = path.replace("{" + value.getKey() + "}", given);
		}
		return path;
	}

	private static String sample(JsonNode schema) {
		return "uuid".equals(schema.path("format").asString()) ? UUID.randomUUID().toString() : "HOSTILE";
	}

	private static JsonNode resolve(JsonNode schema, JsonNode schemas) {
		String ref = schema.path("$ref").asString("");
		return ref.isEmpty() ? schema : schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
	}

	/**
	 * A body for the schema: plausible values, or with {@code poison} "nul" a NUL in
	 * every string, "date" an out-of-range date in every date.
	 */
	private static String body(JsonNode schema, JsonNode schemas, String poison) {
		return JSON.writeValueAsString(value(schema, schemas, poison, 0));
	}

	private static Object value(JsonNode schema, JsonNode schemas, String poison, int depth) {
		JsonNode resolved = resolve(schema, schemas);
		String type = resolved.path("type").asString("object");
		String format = resolved.path("format").asString("");
		if (depth > 3) {
			return null;
		}
		switch (type) {
			case "object" -> {
				Map<String, Object> object = new LinkedHashMap<>();
				for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
					object.put(property.getKey(), value(property.getValue(), schemas, poison, depth + 1));
				}
				return object;
			}
			case "array" -> {
				return java.util.Collections.singletonList(value(resolved.path("items"), schemas, poison, depth + 1));
			}
			case "integer", "number" -> {
				return 1;
			}
			case "boolean" -> {
				return true;
			}
			default -> {
				if ("date".equals(format) || "date-time".equals(format)) {
					return "date".equals(poison) ? HUGE_DATE + ("date-time".equals(format) ? "T00:00:00Z" : "")
							: ("date".equals(format) ? "2026-11-30" : "2026-11-30T10:00:00Z");
				}
				if (resolved.has("enum")) {
					return resolved.path("enum").get(0).asString();
				}
				return "nul".equals(poison) ? "x\u0000y" : "date".equals(poison) ? HUGE_DATE : "1";
			}
		}
	}

	private static String abbreviate(String text) {
		return (text == null) ? "" : (text.length() > 300) ? text.substring(0, 300) + "…" : text;
	}

}
