package org.dues.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.CreditorView;
import org.dues.portfolio.Creditors;
import org.dues.shared.ConflictException;
import org.dues.shared.CurrencyMismatchException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Money;
import org.dues.shared.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payment links: a public, unguessable address ({@code /pay/{token}}, 128 random bits)
 * for an amount an account owes, with a short reference for remittance matching, an
 * expiry, and single use or open until paid.
 */
@Service
public class PaymentLinks {

	/** Reference characters: upper case and digits without 0, O, 1 and I. */
	static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

	static final int REFERENCE_LENGTH = 10;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final Creditors creditors;

	private final PaymentLinkSettings settings;

	private final Clock clock;

	PaymentLinks(JdbcClient jdbc, Accounts accounts, Creditors creditors, PaymentLinkSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.creditors = creditors;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Creates a link for the account.
	 * @throws InvalidInputException when the amount is missing where the purpose has no
	 * default, not positive, above the balance, has more places than the currency, or the
	 * expiry is in the past or more than a year ahead
	 * @throws CurrencyMismatchException when an amount is not in the account's currency
	 */
	@Transactional
	public PaymentLinkView create(AccountId accountId, NewPaymentLink link, String who) {
		AccountView account = this.accounts.get(accountId);
		CreditorView creditor = this.creditors.get(account.creditorId());
		LinkSettings settings = this.settings.of(creditor.id());
		Money amount = (link.amount() != null) ? link.amount() : defaultAmount(account, link.purpose());
		checkAmount("amount", amount, account);
		Money balance = account.balances().total();
		if (amount.compareTo(balance) > 0) {
			throw new InvalidInputException("amount", "%s is more than the balance %s".formatted(amount, balance));
		}
		Money min = link.minAmount();
		if (min != null) {
			checkAmount("minAmount", min, account);
			if (min.compareTo(amount) > 0) {
				throw new InvalidInputException("minAmount", "%s is more than the amount %s".formatted(min, amount));
			}
		}
		else if (link.purpose() == LinkPurpose.CUSTOM) {
			BigDecimal share = amount.amount()
				.multiply(settings.minimumShare())
				.divide(BigDecimal.valueOf(100), amount.amount().scale(), RoundingMode.UP);
			min = new Money(share.max(BigDecimal.ONE.movePointLeft(amount.amount().scale())), amount.currency());
		}
		ZoneId zone = creditor.timeZone();
		LocalDate today = LocalDate.now(this.clock.withZone(zone));
		LocalDate lastDay = (link.expiresOn() != null) ? link.expiresOn()
				: today.plusDays(settings.defaultExpiryDays());
		if (lastDay.isBefore(today) || lastDay.isAfter(today.plusDays(365))) {
			throw new InvalidInputException("expiresOn",
					"%s must be between today (%s) and a year from now".formatted(lastDay, today));
		}
		PaymentLinkId id = PaymentLinkId.random();
		this.jdbc.sql("""
				INSERT INTO payment_links (id, token, reference, creditor_id, account_id, purpose, amount, min_amount,
				    currency, single_use, expires_at, status, created_at, created_by)
				VALUES (:id, :token, :reference, :creditor, :account, :purpose, :amount, :min, :currency, :single,
				    :expires, 'ACTIVE', :now, :who)""")
			.param("id", id.value())
			.param("token", token())
			.param("reference", freeReference())
			.param("creditor", creditor.id().value())
			.param("account", accountId.value())
			.param("purpose", link.purpose().name())
			.param("amount", amount.amount())
			.param("min", min == null ? null : min.amount())
			.param("currency", amount.currencyCode())
			.param("single", link.singleUse())
			.param("expires", lastDay.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
			.param("now", utc(this.clock.instant()))
			.param("who", who)
			.update();
		return get(accountId, id);
	}

	/**
	 * The link a message about the account carries now: the newest active link, open for
	 * at least another day, for exactly what the account owes now (the overdue, or the
	 * balance when nothing is overdue); empty when there is none.
	 */
	public Optional<PaymentLinkView> current(AccountId accountId) {
		AccountView account = this.accounts.get(accountId);
		Money owed = owed(account);
		if (!owed.isPositive()) {
			return Optional.empty();
		}
		return this.jdbc.sql(LinkRows.SELECT + " WHERE account_id = :account AND status = 'ACTIVE'"
				+ " AND expires_at > :tomorrow AND purpose IN ('OVERDUE', 'BALANCE') AND amount - paid_amount = :owed"
				+ " ORDER BY created_at DESC LIMIT 1")
			.param("account", accountId.value())
			.param("tomorrow", utc(this.clock.instant().plus(java.time.Duration.ofDays(1))))
			.param("owed", owed.amount())
			.query(LinkRows.mapper(this.clock))
			.optional();
	}

	/**
	 * The link for a message about the account: {@link #current}, or else a new one for
	 * what it owes, open until paid, for the creditor's default days; empty when the
	 * account owes nothing.
	 */
	@Transactional
	public Optional<PaymentLinkView> forMessage(AccountId accountId, String who) {
		Optional<PaymentLinkView> current = current(accountId);
		if (current.isPresent()) {
			return current;
		}
		AccountView account = this.accounts.get(accountId);
		if (!owed(account).isPositive()) {
			return Optional.empty();
		}
		LinkPurpose purpose = account.overdueAmount().isPositive() ? LinkPurpose.OVERDUE : LinkPurpose.BALANCE;
		return Optional.of(create(accountId, new NewPaymentLink(purpose, owed(account), null, null, false), who));
	}

	private static Money owed(AccountView account) {
		return account.overdueAmount().isPositive() ? account.overdueAmount().min(account.balances().total())
				: account.balances().total();
	}

	/** The account's links, newest first. */
	public List<PaymentLinkView> ofAccount(AccountId accountId) {
		this.accounts.get(accountId);
		return this.jdbc.sql(LinkRows.SELECT + " WHERE account_id = :account ORDER BY created_at DESC, reference")
			.param("account", accountId.value())
			.query(LinkRows.mapper(this.clock))
			.list();
	}

	/** A link of the account, or {@link NotFoundException}. */
	public PaymentLinkView get(AccountId accountId, PaymentLinkId id) {
		return this.jdbc.sql(LinkRows.SELECT + " WHERE id = :id AND account_id = :account")
			.param("id", id.value())
			.param("account", accountId.value())
			.query(LinkRows.mapper(this.clock))
			.optional()
			.orElseThrow(() -> new NotFoundException("payment link", id));
	}

	/** The link with this public token, if there is one. */
	public Optional<PaymentLinkView> byToken(String token) {
		if (token.length() != 22) {
			return Optional.empty();
		}
		return this.jdbc.sql(LinkRows.SELECT + " WHERE token = :token")
			.param("token", token)
			.query(LinkRows.mapper(this.clock))
			.optional();
	}

	/** The link with this reference (any case), if there is one. */
	public Optional<PaymentLinkView> byReference(String reference) {
		return this.jdbc.sql(LinkRows.SELECT + " WHERE reference = :reference")
			.param("reference", reference.strip().toUpperCase(java.util.Locale.ROOT))
			.query(LinkRows.mapper(this.clock))
			.optional();
	}

	/**
	 * Cancels an active or expired link; cancelling a cancelled link changes nothing.
	 * @throws ConflictException when the link is paid
	 */
	@Transactional
	public PaymentLinkView cancel(AccountId accountId, PaymentLinkId id, String who) {
		PaymentLinkView link = get(accountId, id);
		if (link.status() == LinkStatus.PAID) {
			throw new ConflictException("payment link %s is paid and cannot be cancelled".formatted(link.reference()));
		}
		this.jdbc.sql("UPDATE payment_links SET status = 'CANCELLED' WHERE id = :id AND status = 'ACTIVE'")
			.param("id", id.value())
			.update();
		return get(accountId, id);
	}

	/**
	 * The {@code upi://pay} intent of an INR link whose creditor set a UPI payee, or
	 * empty.
	 */
	public Optional<String> upiUri(PaymentLinkView link) {
		if (!"INR".equals(link.amount().currencyCode()) || !link.payable()) {
			return Optional.empty();
		}
		LinkSettings settings = this.settings.of(link.creditorId());
		if (settings.upiVpa() == null || settings.upiPayeeName() == null) {
			return Optional.empty();
		}
		String note = "Payment " + link.reference();
		return Optional.of(new UpiIntent(settings.upiVpa(), settings.upiPayeeName(), link.due(),
				link.minAmount() == null ? null : link.minAmount().min(link.due()), link.reference(), note)
			.uri());
	}

	/**
	 * The amount a customer chose to pay through the link: the amount due when none is
	 * chosen.
	 * @throws InvalidInputException when the chosen amount is outside the link's bounds
	 */
	public Money payable(PaymentLinkView link, @Nullable Money chosen) {
		Money due = link.due();
		if (chosen == null || link.minAmount() == null) {
			return due;
		}
		Money min = link.minAmount().min(due);
		if (chosen.compareTo(min) < 0 || chosen.compareTo(due) > 0) {
			throw new InvalidInputException("amount", "%s is not between %s and %s".formatted(chosen, min, due));
		}
		return chosen;
	}

	private static void checkAmount(String field, Money amount, AccountView account) {
		if (!amount.currency().equals(account.currency())) {
			throw new CurrencyMismatchException(account.currency(), amount.currency());
		}
		if (!amount.isPositive()) {
			throw new InvalidInputException(field, "must be greater than zero");
		}
	}

	private static Money defaultAmount(AccountView account, LinkPurpose purpose) {
		Money amount = switch (purpose) {
			case OVERDUE -> account.overdueAmount();
			case BALANCE -> account.balances().total();
			case INSTALMENT -> account.installmentAmount();
			case SETTLEMENT, CUSTOM -> null;
		};
		if (amount == null || !amount.isPositive()) {
			throw new InvalidInputException("amount", "is required: the account has no %s amount to default to"
				.formatted(purpose.name().toLowerCase(java.util.Locale.ROOT)));
		}
		return amount;
	}

	/**
	 * Whether a word in capitals has the shape of the references links are given
	 * ({@value #REFERENCE_LENGTH} characters of {@link #ALPHABET}), so that a statement's
	 * matching asks only for such words.
	 */
	static boolean couldBeReference(String capitalised) {
		if (capitalised.length() != REFERENCE_LENGTH) {
			return false;
		}
		for (int i = 0; i < REFERENCE_LENGTH; i++) {
			if (ALPHABET.indexOf(capitalised.charAt(i)) < 0) {
				return false;
			}
		}
		return true;
	}

	/** 128 random bits, base64url without padding: 22 characters. */
	static String token() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private String freeReference() {
		for (int tries = 0;; tries++) {
			StringBuilder reference = new StringBuilder(REFERENCE_LENGTH);
			for (int i = 0; i < REFERENCE_LENGTH; i++) {
				reference.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
			}
			boolean taken = this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM payment_links WHERE reference = :r)")
				.param("r", reference.toString())
				.query(Boolean.class)
				.single();
			if (!taken || tries > 5) {
				return reference.toString();
			}
		}
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
