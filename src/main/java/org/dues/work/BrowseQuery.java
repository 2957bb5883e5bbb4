package org.dues.work;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.dues.portfolio.AccountStatus;
import org.dues.shared.Choice;
import org.dues.shared.InvalidInputException;
import org.dues.shared.Phrase;
import org.jspecify.annotations.Nullable;

/**
 * The accounts browser's filters as the browser's address carries them (lists as comma-
 * or space-separated values; {@code owner} empty for anyone's, {@value #POOL},
 * {@value #OWNED} or an agent's name), read into its {@link AccountBrowser.Criteria}: the
 * one reading of a browser selection, for the browser's own bulk actions and for any
 * other module that acts on the browser's selection (a bulk message).
 */
public record BrowseQuery(@Nullable String creditors, @Nullable String buckets, @Nullable Integer dpdMin,
		@Nullable Integer dpdMax, @Nullable String balanceMin, @Nullable String balanceMax, @Nullable String languages,
		@Nullable String regions, @Nullable String statuses, @Nullable List<String> arrangements,
		@Nullable String owner, @Nullable UUID team, @Nullable UUID queue) {

	/** The {@code owner} of pooled accounts. */
	public static final String POOL = "-pool";

	/** The {@code owner} of accounts some agent owns. */
	public static final String OWNED = "-owned";

	/**
	 * The criteria the query states.
	 * @throws InvalidInputException naming a filter that cannot be read
	 */
	public AccountBrowser.Criteria criteria() {
		QueueFilters filters = new QueueFilters(list(this.creditors), list(this.buckets), this.dpdMin, this.dpdMax,
				amount(this.balanceMin), amount(this.balanceMax), list(this.languages), list(this.regions),
				list(this.statuses).stream().map((s) -> Choice.of("statuses", s, AccountStatus.class)).toList(),
				(this.arrangements == null) ? List.of()
						: this.arrangements.stream()
							.filter((s) -> !s.isBlank())
							.map((s) -> Choice.of("arrangements", s, ArrangementState.class))
							.toList());
		String who = (this.owner == null) ? "" : this.owner.strip();
		AccountBrowser.Owned owned = switch (who) {
			case "" -> AccountBrowser.Owned.ANY;
			case POOL -> AccountBrowser.Owned.POOLED;
			case OWNED -> AccountBrowser.Owned.OWNED;
			default -> AccountBrowser.Owned.BY_AGENT;
		};
		return new AccountBrowser.Criteria(filters, owned, (owned == AccountBrowser.Owned.BY_AGENT) ? who : null,
				this.team, this.queue);
	}

	/** The agent an owner filter names, if it names one. */
	public @Nullable String ownerAgent() {
		String who = (this.owner == null) ? "" : this.owner.strip();
		return (who.isEmpty() || who.equals(POOL) || who.equals(OWNED)) ? null : who;
	}

	/**
	 * An amount as people type it in a filter or a form ({@code 1,23,456.50} too).
	 * @throws InvalidInputException naming it when it is none
	 */
	public static @Nullable BigDecimal amount(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.strip().replace(",", ""));
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("amount", "'%s' is not an amount".formatted(text),
					Phrase.of("validation.amount.text", text));
		}
	}

	private static List<String> list(@Nullable String text) {
		return (text == null) ? List.of() : Arrays.stream(text.split("[,\\s]+")).filter((s) -> !s.isBlank()).toList();
	}

}
