package org.dues.messaging.letter;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.dues.compliance.Channel;
import org.dues.contact.ClearedContact;
import org.dues.customer.CustomerId;
import org.dues.customer.CustomerManagement;
import org.dues.customer.CustomerView;
import org.dues.messaging.MessagePurpose;
import org.dues.messaging.MessageStatus;
import org.dues.messaging.provider.Handover;
import org.dues.messaging.provider.MessageProvider;
import org.dues.messaging.provider.Outgoing;
import org.dues.messaging.provider.ProviderException;
import org.dues.messaging.provider.Route;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.jspecify.annotations.Nullable;
import org.openpdf.text.pdf.PdfReader;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The provider of letters: it takes a letter's PDF into the next daily print batch
 * ({@link PrintBatches}). The hand-over answers {@link MessageStatus#SENT}, not
 * delivered: the post sends no delivery report, so what we know is that the letter went
 * to be printed and posted. Sending the same message again finds its letter and adds
 * nothing.
 */
@Component
class PrintProvider implements MessageProvider {

	private final JdbcClient jdbc;

	private final Letters letters;

	private final CustomerManagement customers;

	private final Accounts accounts;

	private final Creditors creditors;

	private final LetterPdf renderer;

	private final LetterAmounts amounts;

	PrintProvider(JdbcClient jdbc, Letters letters, CustomerManagement customers, Accounts accounts,
			Creditors creditors, LetterPdf renderer, LetterAmounts amounts) {
		this.amounts = amounts;
		this.jdbc = jdbc;
		this.letters = letters;
		this.customers = customers;
		this.accounts = accounts;
		this.creditors = creditors;
		this.renderer = renderer;
	}

	@Override
	public String name() {
		return "print";
	}

	@Override
	public Channel channel() {
		return Channel.LETTER;
	}

	@Override
	public boolean serves(Route route) {
		return true;
	}

	@Override
	public boolean idempotent() {
		return true;
	}

	/** The post sends no delivery report: a letter's attempt ends sent. */
	@Override
	public boolean reportsDelivery() {
		return false;
	}

	@Override
	public Handover send(ClearedContact cleared, Outgoing message) {
		Optional<LetterView> known = this.letters.ofMessage(message.messageId());
		if (known.isPresent() && "HELD".equals(known.get().status())) {
			// a notice found without an address when it was let go, tried again
			throw new ProviderException("no current postal address: the letter is held", false);
		}
		if (known.isPresent() && !"QUEUED".equals(known.get().status())) {
			return new Handover(known.get().id().toString(), MessageStatus.SENT);
		}
		Whose whose = this.jdbc.sql("""
				SELECT m.account_id, m.customer_id, m.created_at::date, coalesce(t.code, 'letter'), m.purpose,
				    m.template_id, m.template_version, m.parameters
				FROM messaging_messages m LEFT JOIN messaging_templates t ON t.id = m.template_id
				WHERE m.id = :id""")
			.param("id", message.messageId())
			.query((rs, n) -> new Whose(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, LocalDate.class), rs.getString(4), MessagePurpose.valueOf(rs.getString(5)),
					rs.getObject(6, UUID.class), (Integer) rs.getObject(7),
					List.of((String[]) rs.getArray(8).getArray())))
			.optional()
			.orElseThrow(() -> new ProviderException("no message " + message.messageId(), false));
		CustomerView customer = this.customers.get(new CustomerId(whose.customer()));
		List<String> address = customer.addresses()
			.stream()
			.filter((a) -> a.status().current())
			.findFirst()
			.map((a) -> ValidationNotices.lines(a.address()))
			.orElse(List.of());
		if (known.isPresent()) {
			// a notice made before its message left: to the print batch now that the gate
			// let it go, addressed as the customer is now; held if they have no address
			LetterView letter = this.letters.release(known.get().id(), customer.name(), address);
			if (address.isEmpty()) {
				throw new ProviderException("no current postal address: the letter is held", false);
			}
			return new Handover(letter.id().toString(), MessageStatus.SENT);
		}
		if (address.isEmpty()) {
			throw new ProviderException("no current postal address", false);
		}
		byte[] pdf = message.pdf();
		if (pdf == null) {
			// a letter from a template: its text set as a letter in the customer's
			// language
			pdf = fromTemplate(message, whose, customer, address).pdf();
		}
		LetterView letter = this.letters.store(new Letters.NewLetter(whose.account(), whose.customer(),
				whose.template(), message.language(), whose.on(), customer.name(), address,
				new LetterPdf.Rendered(pdf, pages(pdf)), null, message.messageId(), "system"));
		return new Handover(letter.id().toString(), MessageStatus.SENT);
	}

	/**
	 * The letter a template's text makes: the creditor as sender, the customer at their
	 * current address, the date in the letter's language, the subject, and each paragraph
	 * (the text's blank lines part them); a letter that asks for money carries its table
	 * of amounts after the opening paragraphs ({@link LetterAmounts}).
	 */
	private LetterPdf.Rendered fromTemplate(Outgoing message, Whose whose, CustomerView customer,
			List<String> address) {
		AccountView account = this.accounts.get(new AccountId(whose.account()));
		CreditorView creditor = this.creditors.get(account.creditorId());
		String currency = account.currency().getCurrencyCode();
		List<Letter.Block> blocks = new ArrayList<>(java.util.Arrays.stream(message.body().split("\\n\\s*\\n"))
			.map(String::strip)
			.filter((p) -> !p.isEmpty())
			.map((p) -> (Letter.Block) new Letter.Paragraph(p))
			.toList());
		if (LetterAmounts.asksForMoney(whose.purpose()) && whose.templateId() != null
				&& whose.templateVersion() != null) {
			// after the greeting and the paragraph that says what the letter is about
			blocks.add(Math.min(2, blocks.size()), this.amounts.table(whose.purpose(), whose.templateId(),
					whose.templateVersion(), whose.parameters(), account, message.language()));
		}
		Letter letter = new Letter(message.language(), new Letter.Party(creditor.name(), List.of()),
				new Letter.Party(customer.name(), address),
				LetterFormats.date(whose.on(), message.language(), currency),
				account.creditorCode() + "-" + account.accountRef(),
				(message.subject() == null) ? "" : message.subject(), blocks);
		return this.renderer.render(letter, "US".equals(creditor.country()));
	}

	private static int pages(byte[] pdf) {
		try (PdfReader reader = new PdfReader(pdf)) {
			return reader.getNumberOfPages();
		}
		catch (IOException ex) {
			throw new ProviderException("the letter's PDF cannot be read", false, ex);
		}
	}

	private record Whose(UUID account, UUID customer, LocalDate on, String template, MessagePurpose purpose,
			@Nullable UUID templateId, @Nullable Integer templateVersion, List<String> parameters) {
	}

}
