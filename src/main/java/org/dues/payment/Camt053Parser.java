package org.dues.payment;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.namespace.QName;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.UnmarshalException;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import jakarta.xml.bind.annotation.XmlElement;
import org.jspecify.annotations.Nullable;

/**
 * Reads an ISO 20022 camt.053 statement into Prowide's ISO 20022 model
 * ({@code pw-iso20022}: {@code MxCamt05300102} to {@code MxCamt05300113}, the version
 * taken from the document's namespace). The file is walked with StAX and each child of
 * the first {@code Stmt} is unmarshalled on its own with JAXB into the model class the
 * version's {@code AccountStatementN} declares for it ({@code ReportEntryN} for an
 * {@code Ntry}, {@code CashBalanceN} for a {@code Bal}, ...), so a statement of a hundred
 * thousand entries is read in constant memory per entry instead of as one object tree.
 * Only the first statement of the file is read; DTDs and external entities are refused.
 * The versions' classes differ in name but keep the ISO element names as properties, so
 * the entries are read through those names ({@link Model#get}).
 */
class Camt053Parser {

	private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

	private static final Pattern NAMESPACE = Pattern
		.compile("urn:iso:std:iso:20022:tech:xsd:camt\\.053\\.001\\.(\\d\\d)");

	private static final ConcurrentMap<Integer, Model> MODELS = new ConcurrentHashMap<>();

	static {
		FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
	}

	ParsedStatement parse(InputStream in) {
		return parse(in, (account) -> {
		}, (line) -> {
		});
	}

	/**
	 * Reads a statement, telling its bank account and each of its lines as they are read
	 * (the lines are in the result too).
	 */
	ParsedStatement parse(InputStream in, java.util.function.Consumer<String> account,
			java.util.function.Consumer<StatementLine> each) {
		XMLStreamReader raw = null;
		try {
			raw = FACTORY.createXMLStreamReader(in);
			Unqualified xml = new Unqualified(raw);
			return read(xml, new Reading(account, each));
		}
		catch (XMLStreamException ex) {
			int line = ex.getLocation() == null ? -1 : ex.getLocation().getLineNumber();
			throw new UnreadableStatementException("line %d: not well-formed XML".formatted(line));
		}
		finally {
			if (raw != null) {
				try {
					raw.close();
				}
				catch (XMLStreamException ignored) {
					// nothing was written
				}
			}
		}
	}

	private ParsedStatement read(Unqualified xml, Reading r) throws XMLStreamException {
		xml.nextTag();
		String namespace = xml.namespace();
		Matcher version = NAMESPACE.matcher(namespace == null ? "" : namespace);
		if (!"Document".equals(xml.getLocalName()) || !version.matches()) {
			throw new UnreadableStatementException(
					"line %d: element %s in namespace '%s' is no camt.053 Document (urn:iso:std:iso:20022:tech:xsd:camt.053.001.nn)"
						.formatted(xml.getLocation().getLineNumber(), xml.getLocalName(),
								namespace == null ? "" : namespace));
		}
		Model model = Model.of(Integer.parseInt(version.group(1)), xml.getLocation().getLineNumber());
		Unmarshaller unmarshaller = model.unmarshaller(xml);
		int depth = 1;
		boolean advance = true;
		while (xml.hasNext()) {
			int event = advance ? xml.next() : xml.getEventType();
			advance = true;
			if (event == XMLStreamConstants.START_ELEMENT) {
				depth++;
				String name = xml.getLocalName();
				if (r.inStatement && depth == r.statementDepth + 1) {
					int line = xml.getLocation().getLineNumber();
					Class<?> type = model.children.get(name);
					switch (name) {
						case "Id" -> r.id = xml.getElementText().strip();
						case "ElctrncSeqNb", "LglSeqNb" -> {
							String text = xml.getElementText().strip();
							r.sequence = r.sequence == null ? text : r.sequence;
						}
						case "Ntry", "Bal", "Acct", "FrToDt" -> {
							r.child(name, model.unmarshal(unmarshaller, xml, type, line), line);
							// JAXB leaves the reader on the event after the child's end
							advance = false;
						}
						default -> skip(xml);
					}
					depth--;
				}
				else if ("Stmt".equals(name) && !r.seenStatement && depth == 3) {
					r.inStatement = true;
					r.seenStatement = true;
					r.statementDepth = depth;
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				if (r.inStatement && depth == r.statementDepth) {
					r.inStatement = false;
				}
				depth--;
			}
		}
		return r.statement();
	}

	/** Skips the element the reader is on to its end. */
	private static void skip(XMLStreamReader xml) throws XMLStreamException {
		int open = 1;
		while (open > 0) {
			int event = xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				open++;
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				open--;
			}
		}
	}

	/** What one pass has read so far. */
	private static final class Reading {

		boolean seenStatement;

		boolean inStatement;

		int statementDepth;

		@Nullable String id;

		@Nullable String sequence;

		private @Nullable String account;

		private @Nullable String currency;

		private @Nullable LocalDate from;

		private @Nullable LocalDate to;

		private @Nullable BigDecimal opening;

		private @Nullable BigDecimal closing;

		private @Nullable LocalDate openingDate;

		private @Nullable LocalDate closingDate;

		private final java.util.ArrayList<StatementLine> lines = new java.util.ArrayList<>();

		private final java.util.function.Consumer<String> accountRead;

		private final java.util.function.Consumer<StatementLine> each;

		Reading(java.util.function.Consumer<String> accountRead, java.util.function.Consumer<StatementLine> each) {
			this.accountRead = accountRead;
			this.each = each;
		}

		void child(String name, Object value, int line) {
			switch (name) {
				case "Acct" -> {
					Object iban = Model.get(value, "Id", "IBAN");
					Object other = Model.get(value, "Id", "Othr", "Id");
					this.account = iban != null ? iban.toString() : other != null ? other.toString() : this.account;
					Object ccy = Model.get(value, "Ccy");
					this.currency = ccy != null ? ccy.toString() : this.currency;
					if (this.account != null) {
						this.accountRead.accept(ParsedStatement.account(this.account));
					}
				}
				case "FrToDt" -> {
					this.from = Model.date(Model.get(value, "FrDtTm"));
					this.to = Model.date(Model.get(value, "ToDtTm"));
				}
				case "Bal" -> balance(value, line);
				case "Ntry" -> {
					StatementLine read = new ProwideEntry(value, line).toLine(this.currency);
					this.lines.add(read);
					this.each.accept(read);
				}
				default -> {
				}
			}
		}

		private void balance(Object bal, int line) {
			String type = Model.code(Model.get(bal, "Tp", "CdOrPrtry", "Cd"));
			BigDecimal amount = (BigDecimal) Model.get(bal, "Amt", "Value");
			if (amount == null || type == null) {
				throw new UnreadableStatementException("line %d: Bal without Tp/CdOrPrtry/Cd or Amt".formatted(line));
			}
			positive(amount, line);
			Object ccy = Model.get(bal, "Amt", "Ccy");
			this.currency = this.currency == null && ccy != null ? ccy.toString() : this.currency;
			BigDecimal signed = "DBIT".equals(Model.code(Model.get(bal, "CdtDbtInd"))) ? amount.negate() : amount;
			LocalDate date = Model.choiceDate(Model.get(bal, "Dt"));
			if ("OPBD".equals(type) || "PRCD".equals(type)) {
				this.opening = this.opening == null ? signed : this.opening;
				this.openingDate = date;
			}
			else if ("CLBD".equals(type)) {
				this.closing = signed;
				this.closingDate = date;
			}
		}

		ParsedStatement statement() {
			if (!this.seenStatement) {
				throw new UnreadableStatementException("element BkToCstmrStmt/Stmt: no statement in the file");
			}
			if (this.account == null) {
				throw new UnreadableStatementException("element Stmt/Acct/Id: the statement names no account");
			}
			if (this.opening == null || this.closing == null) {
				throw new UnreadableStatementException(
						"element Stmt/Bal: an opening (OPBD) and a closing (CLBD) booked balance are required");
			}
			if (this.currency == null) {
				throw new UnreadableStatementException("element Stmt/Acct/Ccy: the statement names no currency");
			}
			LocalDate start = this.from != null ? this.from : this.openingDate;
			LocalDate end = this.to != null ? this.to : this.closingDate;
			if (start == null || end == null) {
				throw new UnreadableStatementException("element Stmt/FrToDt: the statement's period is missing");
			}
			String number = this.sequence != null ? this.sequence : this.id != null ? this.id : start.toString();
			return new ParsedStatement(StatementFormat.CAMT053, ParsedStatement.account(this.account), number, start,
					end, currency(this.currency, "Ccy"), this.opening, this.closing, List.copyOf(this.lines));
		}

	}

	/**
	 * One camt.053 version's model: its JAXB context (made once, it is costly) and the
	 * model class of each child of its {@code Stmt}.
	 */
	static final class Model {

		private static final ClassValue<Map<String, java.lang.reflect.@Nullable Method>> GETTERS = new ClassValue<>() {
			@Override
			protected Map<String, java.lang.reflect.@Nullable Method> computeValue(Class<?> type) {
				return new ConcurrentHashMap<>();
			}
		};

		private static final java.lang.reflect.Method NONE;

		static {
			try {
				NONE = Object.class.getMethod("hashCode");
			}
			catch (NoSuchMethodException ex) {
				throw new IllegalStateException(ex);
			}
		}

		final JAXBContext context;

		final Map<String, Class<?>> children;

		private Model(JAXBContext context, Map<String, Class<?>> children) {
			this.context = context;
			this.children = children;
		}

		static Model of(int version, int line) {
			Model known = MODELS.get(version);
			if (known != null) {
				return known;
			}
			Class<?> statement;
			try {
				Class<?> mx = Class.forName("com.prowidesoftware.swift.model.mx.MxCamt053001%02d".formatted(version));
				Class<?> document = mx.getMethod("getBkToCstmrStmt").getReturnType();
				var list = (ParameterizedType) document.getMethod("getStmt").getGenericReturnType();
				statement = (Class<?>) list.getActualTypeArguments()[0];
			}
			catch (ClassNotFoundException | NoSuchMethodException ex) {
				throw new UnreadableStatementException(
						"line %d: element Document: camt.053.001.%02d is not a version Prowide's ISO 20022 model reads"
							.formatted(line, version));
			}
			Map<String, Class<?>> children = new HashMap<>();
			for (Field field : statement.getDeclaredFields()) {
				XmlElement element = field.getAnnotation(XmlElement.class);
				if (element == null) {
					continue;
				}
				Class<?> type = field.getType();
				if (List.class.isAssignableFrom(type)) {
					type = (Class<?>) ((ParameterizedType) field.getGenericType()).getActualTypeArguments()[0];
				}
				children.put(element.name(), type);
			}
			try {
				Model model = new Model(JAXBContext.newInstance(statement), Map.copyOf(children));
				MODELS.putIfAbsent(version, model);
				return MODELS.get(version);
			}
			catch (JAXBException ex) {
				throw new IllegalStateException("Prowide's camt.053.001.%02d model does not load".formatted(version),
						ex);
			}
		}

		Unmarshaller unmarshaller(Unqualified xml) {
			try {
				Unmarshaller u = this.context.createUnmarshaller();
				u.setEventHandler((ValidationEvent event) -> {
					xml.failure = event;
					return false;
				});
				return u;
			}
			catch (JAXBException ex) {
				throw new IllegalStateException(ex);
			}
		}

		Object unmarshal(Unmarshaller u, Unqualified xml, Class<?> type, int line) {
			try {
				return u.unmarshal(xml, type).getValue();
			}
			catch (UnmarshalException ex) {
				throw unreadable(xml, ex, line);
			}
			catch (JAXBException ex) {
				throw unreadable(xml, ex, line);
			}
		}

		private static UnreadableStatementException unreadable(Unqualified xml, JAXBException ex, int line) {
			ValidationEvent event = xml.failure;
			if (ex.getLinkedException() instanceof XMLStreamException stax) {
				int at = stax.getLocation() == null ? line : stax.getLocation().getLineNumber();
				return new UnreadableStatementException("line %d: not well-formed XML".formatted(at));
			}
			int at = event != null && event.getLocator() != null && event.getLocator().getLineNumber() > 0
					? event.getLocator().getLineNumber() : line;
			String element = xml.lastElement;
			String text = xml.lastText == null ? "" : xml.lastText.strip();
			String what = switch (element) {
				case "Amt", "Sum", "Rate" -> "no amount";
				case "Dt", "DtTm", "FrDtTm", "ToDtTm", "CreDtTm" -> "no ISO date";
				default -> "not what camt.053 allows there";
			};
			return new UnreadableStatementException(
					"line %d: element %s '%s' is %s".formatted(at, element, text, what));
		}

		/**
		 * The property path's value, or null where a step is absent or the version has no
		 * such property.
		 */
		static @Nullable Object get(@Nullable Object bean, String... path) {
			Object at = bean;
			for (String property : path) {
				if (at == null) {
					return null;
				}
				java.lang.reflect.Method getter = getter(at.getClass(), property);
				if (getter == NONE) {
					return null;
				}
				try {
					at = getter.invoke(at);
				}
				catch (ReflectiveOperationException ex) {
					throw new IllegalStateException(ex);
				}
			}
			return at;
		}

		/** A property that is a list in some versions and single in others, as a list. */
		static List<?> list(@Nullable Object bean, String property) {
			Object value = get(bean, property);
			if (value == null) {
				return List.of();
			}
			return value instanceof List<?> list ? list : List.of(value);
		}

		private static java.lang.reflect.Method getter(Class<?> type, String property) {
			return GETTERS.get(type).computeIfAbsent(property, (p) -> {
				for (String prefix : new String[] { "get", "is" }) {
					try {
						return type.getMethod(prefix + p);
					}
					catch (NoSuchMethodException ex) {
						// try the next
					}
				}
				return NONE;
			});
		}

		/** An ISO code (a Prowide enum or a string) as written in the file. */
		static @Nullable String code(@Nullable Object value) {
			if (value == null) {
				return null;
			}
			if (value instanceof Enum<?> code) {
				Object written = get(code, "Value");
				return written != null ? written.toString() : code.name();
			}
			return value.toString();
		}

		/** A {@code Dt}-or-{@code DtTm} choice's day. */
		static @Nullable LocalDate choiceDate(@Nullable Object choice) {
			LocalDate day = date(get(choice, "Dt"));
			return day != null ? day : date(get(choice, "DtTm"));
		}

		/** A day or a moment's day as written (its own offset, not the server's). */
		static @Nullable LocalDate date(@Nullable Object value) {
			if (value instanceof LocalDate day) {
				return day;
			}
			if (value instanceof OffsetDateTime moment) {
				return moment.toLocalDate();
			}
			if (value instanceof java.time.LocalDateTime moment) {
				return moment.toLocalDate();
			}
			return null;
		}

	}

	/**
	 * The reader JAXB sees: every element in no namespace (Prowide's dictionary classes
	 * are shared by all versions and bound unqualified, as its own reader does),
	 * remembering the last element and text so a value that does not convert can be
	 * named.
	 */
	static final class Unqualified extends StreamReaderDelegate {

		@Nullable ValidationEvent failure;

		String lastElement = "Document";

		@Nullable String lastText;

		private boolean leaf;

		Unqualified(XMLStreamReader reader) {
			super(reader);
		}

		@Nullable String namespace() {
			return super.getNamespaceURI();
		}

		@Override
		public int next() throws XMLStreamException {
			int event = super.next();
			if (event == START_ELEMENT) {
				this.lastElement = super.getLocalName();
				this.lastText = null;
				this.leaf = true;
			}
			else if (event == CHARACTERS) {
				this.lastText = this.lastText == null ? super.getText() : this.lastText + super.getText();
			}
			else if (event == END_ELEMENT) {
				if (this.leaf && this.lastText != null && "Dt".equals(this.lastElement)) {
					// Prowide's date adapter makes 2026-11-31 into 2026-11-30; a bank's
					// date must be a day
					Camt053Parser.date(this.lastText.strip(), "Dt", super.getLocation().getLineNumber());
				}
				this.leaf = false;
			}
			return event;
		}

		@Override
		public String getNamespaceURI() {
			return "";
		}

		@Override
		public @Nullable String getNamespaceURI(String prefix) {
			return null;
		}

		@Override
		public QName getName() {
			return new QName(super.getLocalName());
		}

		@Override
		public int getNamespaceCount() {
			return 0;
		}

		@Override
		public @Nullable String getAttributeNamespace(int index) {
			return null;
		}

		@Override
		public QName getAttributeName(int index) {
			return new QName(super.getAttributeLocalName(index));
		}

	}

	static void positive(BigDecimal amount, int line) {
		if (amount.signum() < 0) {
			throw new UnreadableStatementException("line %d: element Amt is negative".formatted(line));
		}
	}

	static Currency currency(String code, String element) {
		try {
			return Currency.getInstance(code);
		}
		catch (IllegalArgumentException ex) {
			throw new UnreadableStatementException("element %s: '%s' is no ISO 4217 currency".formatted(element, code));
		}
	}

	static LocalDate date(String text, String element, int line) {
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new UnreadableStatementException(
					"line %d: element %s '%s' is no ISO date".formatted(line, element, text));
		}
	}

}
