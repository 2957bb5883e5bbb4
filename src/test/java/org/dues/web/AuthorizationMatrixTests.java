package org.dues.web;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.dues.IntegrationTest;

import org.dues.system.Scoped;
import org.dues.system.Scopes;
import org.dues.system.Unscoped;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * The generated authorization test. Every operation of the OpenAPI document, every page
 * and every exposed actuator endpoint is tried by every role on a record inside and one
 * outside the caller's scope (and, where a path names an account and another record, with
 * another account's record under the caller's own account), and the answer is compared
 * with one table, {@code authorization-matrix.txt}. An operation or page without a row
 * fails the build, as does a row for one that no longer exists, and a path variable that
 * is neither {@link Scoped} nor {@link Unscoped}.
 */
@IntegrationTest
class AuthorizationMatrixTests {

	private static final List<String> ROLES = List.of("AGENT", "TEAM_LEAD", "MANAGER", "COMPLIANCE", "ADMIN",
			"FIELD_AGENT");

	private static final Pattern VARIABLE = Pattern.compile("\\{\\*?(\\w+)}");

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	Scopes scopes;

	@Autowired
	PathMappedEndpoints actuator;

	ScopeFixture fixture;

	/** The agency the matrix names in agencies' paths. */
	private static final String AGENCY = "MX-AGENCY";

	@BeforeEach
	void setUp() throws Exception {
		this.fixture = ScopeFixture.create("mx", this.context);
		org.dues.casework.Agencies agencies = this.context.getBean(org.dues.casework.Agencies.class);
		if (agencies.all().stream().noneMatch((a) -> a.code().equals(AGENCY))) {
			agencies.create(new org.dues.casework.NewAgency(AGENCY, "Matrix agency", "IN", null, null,
					java.math.BigDecimal.TEN), "matrix");
		}
	}

	@Test
	void everyPathVariableIsScopedOrSaysWhyNot() {
		List<String> undecided = new ArrayList<>();
		for (HandlerMethod handler : handlers().values()) {
			Method method = handler.getMethod();
			for (Parameter parameter : method.getParameters()) {
				if (!parameter.isAnnotationPresent(PathVariable.class)) {
					continue;
				}
				Scoped scoped = parameter.getAnnotation(Scoped.class);
				if (scoped == null && !parameter.isAnnotationPresent(Unscoped.class)) {
					undecided.add(method.getDeclaringClass().getSimpleName() + "." + method.getName() + "("
							+ parameter.getName() + ")");
				}
				if (scoped != null && !this.scopes.knows(scoped.value())) {
					undecided.add("no locator of '%s' records for %s.%s".formatted(scoped.value(),
							method.getDeclaringClass().getSimpleName(), method.getName()));
				}
			}
		}
		assertThat(undecided).as("path variables neither @Scoped nor @Unscoped").isEmpty();
	}

	@Test
	void everyOperationAndPageAnswersEachRoleAsTheTableSays() throws Exception {
		Map<String, List<String>> table = table();
		Set<String> operations = new TreeSet<>(apiOperations());
		operations.addAll(pages());
		this.actuator.getAllPaths().forEach((path) -> operations.add("GET " + path));
		Set<String> missing = new TreeSet<>(operations);
		missing.removeAll(table.keySet());
		Set<String> stale = new TreeSet<>(table.keySet());
		stale.removeAll(operations);

		List<String> wrong = new ArrayList<>();
		Map<String, String> observed = new TreeMap<>();
		for (String operation : operations) {
			List<String> seen = new ArrayList<>();
			seen.add(observe(operation, null, "inside"));
			for (String role : ROLES) {
				String in = observe(operation, role, "inside");
				String out = observe(operation, role, "outside");
				seen.add(in.equals("ok") && out.equals("404") ? "scoped" : in.equals(out) ? in : in + "/" + out);
				String crossed = observe(operation, role, "crossed");
				if (crossed != null && !crossed.equals("404") && (in.equals("ok") || in.equals("scoped"))) {
					wrong.add("%s as %s: another account's record under one's own account answered %s"
						.formatted(operation, role, crossed));
				}
			}
			observed.put(operation, String.join(" ", seen));
			List<String> expected = table.get(operation);
			if (expected != null && !expected.equals(seen)) {
				wrong.add("%s: expected %s, got %s".formatted(operation, expected, seen));
			}
		}
		StringBuilder rows = new StringBuilder();
		for (String operation : missing) {
			rows.append("\n").append(String.format("%-70s %s", operation, observed.get(operation)));
		}
		assertThat(missing).as("operations and pages without a row in authorization-matrix.txt; observed:" + rows)
			.isEmpty();
		assertThat(stale).as("rows of authorization-matrix.txt for operations that no longer exist").isEmpty();
		assertThat(wrong).as("answers that differ from authorization-matrix.txt").isEmpty();
	}

	/**
	 * The answer class: {@code ok} (the request reached its handler: any answer but 401,
	 * 403, 404, 405 or 5xx), {@code 401}, {@code login} (sent to the login form),
	 * {@code 403}, {@code 404}; null when the variant does not apply.
	 */
	private String observe(String operation, String role, String variant) throws Exception {
		String[] parts = operation.split(" ", 2);
		String path = path(parts[1], variant);
		if (path == null) {
			return null;
		}
		boolean api = parts[1].startsWith("/api/");
		MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(parts[0]), path);
		if (!parts[0].equals("GET")) {
			request = request.with(csrf());
			if (api) {
				request = request.contentType(MediaType.APPLICATION_JSON).content(body(parts[1]));
			}
			else {
				request = request.param("reason", "").param("agent", "nobody-at-all");
			}
		}
		if (role != null) {
			request = request.with(user(userFor(role)).roles(role));
		}
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		int status = response.getStatus();
		assertThat(status).as("%s as %s (%s): %s", operation, role, variant, response.getContentAsString())
			.isLessThan(500);
		String location = String.valueOf(response.getHeader("Location"));
		if (status == 302 && location.contains("/login")) {
			return "login";
		}
		return switch (status) {
			case 401, 403, 404 -> String.valueOf(status);
			case 405 -> throw new AssertionError(operation + " answered 405");
			default -> "ok";
		};
	}

	/** A body that reaches the handler and changes nothing a later request depends on. */
	private static String body(String path) {
		if (path.endsWith("/assignment") || path.equals("/api/v1/assignments")) {
			return "{\"agent\": \"nobody-at-all\"}";
		}
		return "{}";
	}

	private String userFor(String role) {
		return switch (role) {
			case "AGENT" -> this.fixture.agent;
			case "TEAM_LEAD" -> this.fixture.lead;
			case "COMPLIANCE" -> this.fixture.officer;
			case "MANAGER" -> this.fixture.manager;
			case "FIELD_AGENT" -> this.fixture.field;
			default -> this.fixture.admin;
		};
	}

	/**
	 * The path with each variable filled for the variant, or null where it does not
	 * apply.
	 */
	private String path(String template, String variant) {
		ScopeFixture.Side own = this.fixture.inside;
		ScopeFixture.Side other = this.fixture.outside;
		boolean crossed = variant.equals("crossed");
		ScopeFixture.Side side = variant.equals("outside") ? other : own;
		Matcher matcher = VARIABLE.matcher(template);
		StringBuilder path = new StringBuilder();
		boolean account = false;
		boolean record = false;
		while (matcher.find()) {
			String name = matcher.group(1);
			String before = template.substring(0, matcher.start());
			String segment = before.substring(before.lastIndexOf('/', before.length() - 2) + 1, before.length() - 1);
			String kind = kind(segment, name);
			String value;
			if (kind.equals("account")) {
				account = true;
				value = side.account().toString();
			}
			else if (side.records().containsKey(kind)) {
				record = true;
				value = (crossed ? other : side).records().get(kind);
			}
			else {
				value = switch (kind) {
					case "account-ref" -> side.accountRef();
					case "creditor" -> this.fixture.creditor.code();
					case "policy" -> "IN";
					case "role" -> "AGENT";
					case "user" -> this.fixture.spare;
					case "team" -> side.team().toString();
					case "queue" -> side.queue().toString();
					case "import" -> this.fixture.importId.toString();
					case "template" -> this.fixture.template.toString();
					// no statement is issued in the fixture: managers are answered 404
					case "remittance" -> "5b1c0e2e-9d0f-4f6e-8a51-4f1d2c3b4a59";
					case "bank-statement" -> this.fixture.statement.toString();
					case "statement-entry" -> this.fixture.statementEntry.toString();
					case "unapplied" -> this.fixture.unapplied.toString();
					case "bank-account" -> this.fixture.bankAccount;
					case "mapping" -> "matrix";
					// a line of a case's timeline: read only with its case
					case "case-entry" -> "1";
					// an agency the matrix's users are no users of: managers reach it
					case "agency" -> AGENCY;
					// no placement is made in the fixture: managers are answered 404
					case "placement" -> "6f0c1a2b-3d4e-4f50-8a61-7b8c9d0e1f23";
					// an unsubscribe token Dues did not make: it opens to no address
					case "token" -> "bm90LWEtdG9rZW4tb2YtZHVlcw";
					// no report is scheduled in the fixture: managers are answered 404
					case "subscription" -> "0d6c2f4a-8b1e-4c3d-9e5f-6a7b8c9d0e1f";
					case "staff-mail" -> "1e7d3a5b-9c2f-4d4e-8f60-7b8c9d0e1f2a";
					// no chat is started in the fixture: a chat is its agent's alone, and
					// the pay page's needs its secret
					case "chat" -> "2f1e3d4c-5b6a-4978-8a69-7b8c9d0e1f30";
					// no campaign is made in the fixture: leads and managers are answered
					// 404
					case "campaign" -> "987654321";
					// no call is recorded or taken in the fixture
					case "recording" -> "3a2b1c0d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
					case "call" -> "4b3c2d1e-5f6a-4b7c-8d9e-0f1a2b3c4d5e";
					// a month's target of an agent: set only by managers and
					// administrators
					case "target-period" -> "2026-12";
					case "target-scope" -> "AGENT";
					case "target-subject" -> this.fixture.agent;
					default -> throw new AssertionError(
							"no fixture for {%s} after '%s' in %s".formatted(name, segment, template));
				};
			}
			matcher.appendReplacement(path, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(path);
		if (crossed && !(account && record)) {
			return null;
		}
		return path.toString();
	}

	private static String kind(String segment, String name) {
		return switch (name) {
			case "accountId" -> "account";
			case "arrangementId" -> "arrangement";
			case "approvalId" -> "approval";
			case "holdId" -> "hold";
			case "consentId" -> "consent";
			case "blackoutId" -> "blackout";
			case "banId" -> "channel-ban";
			case "paymentId" -> "payment";
			case "linkId" -> "payment-link";
			case "checkout" -> "token";
			case "letterId" -> "letter";
			case "interactionId" -> "interaction";
			case "queueId" -> "queue";
			case "teamId" -> "team";
			case "accountRef" -> "account-ref";
			case "username" -> "user";
			case "role" -> "role";
			case "pointId" -> "contact-point";
			case "messageId" -> "message";
			case "bulkId" -> "bulk-send";
			case "followUpId" -> "followup";
			case "visitId" -> "visit";
			case "token" -> "token";
			case "entryId" -> "statement-entry";
			case "identifier" -> "bank-account";
			case "name" -> "mapping";
			case "entry" -> "case-entry";
			case "mail" -> "staff-mail";
			case "chatId" -> "chat";
			case "campaignId" -> "campaign";
			case "recordingId" -> "recording";
			case "callId" -> "call";
			case "period" -> "target-period";
			case "scope" -> "target-scope";
			case "code" -> segment.equals("policies") ? "policy" : segment.equals("agencies") ? "agency" : "creditor";
			case "id" -> switch (segment) {
				case "accounts" -> "account";
				case "arrangements" -> "arrangement";
				case "approvals" -> "approval";
				case "consents" -> "consent";
				case "blackouts" -> "blackout";
				case "channel-bans" -> "channel-ban";
				case "imports" -> "import";
				case "teams" -> "team";
				case "queues" -> "queue";
				case "customers" -> "customer";
				case "templates" -> "template";
				case "remittances" -> "remittance";
				case "bank-statements", "statements" -> "bank-statement";
				case "unapplied-payments", "unapplied" -> "unapplied";
				case "cases", "disputes", "complaints", "legal-referrals", "referrals" -> "case";
				case "placements" -> "placement";
				case "subscriptions" -> "subscription";
				case "{scope}" -> "target-subject";
				default -> "unknown " + segment;
			};
			default -> "unknown " + name;
		};
	}

	private Set<String> apiOperations() throws Exception {
		String document = this.mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
		Map<String, Map<String, Object>> paths = JsonPath.read(document, "$.paths");
		Set<String> operations = new TreeSet<>();
		paths.forEach((path, methods) -> methods.keySet()
			.stream()
			.filter((m) -> Set.of("get", "post", "put", "patch", "delete").contains(m))
			.forEach((m) -> operations.add(m.toUpperCase() + " " + path)));
		return operations;
	}

	private Set<String> pages() {
		Set<String> pages = new TreeSet<>();
		handlers().forEach((info, handler) -> {
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/api/")) {
					continue;
				}
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					pages.add(method.name() + " " + pattern);
				}
			}
		});
		return pages;
	}

	private Map<RequestMappingInfo, HandlerMethod> handlers() {
		Map<RequestMappingInfo, HandlerMethod> ours = new LinkedHashMap<>();
		this.mappings.getHandlerMethods().forEach((info, handler) -> {
			if (handler.getBeanType().getPackageName().startsWith("org.dues")) {
				ours.put(info, handler);
			}
		});
		return ours;
	}

	private static Map<String, List<String>> table() throws IOException {
		Map<String, List<String>> table = new TreeMap<>();
		try (InputStream in = AuthorizationMatrixTests.class.getResourceAsStream("/authorization-matrix.txt")) {
			String text = (in == null) ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
			for (String line : text.split("\n")) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] cells = line.trim().split("\\s+");
				assertThat(cells).as(line).hasSize(2 + 1 + ROLES.size());
				table.put(cells[0] + " " + cells[1], List.of(cells).subList(2, cells.length));
			}
		}
		return table;
	}

}
