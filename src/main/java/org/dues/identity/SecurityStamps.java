package org.dues.identity;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.dues.system.NotificationListener;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Users' security stamps as this node last read them, so an API request checks its cached
 * credentials ({@link CredentialCache}) without reading the database. Every change of a
 * user's stamp or status, on any node and by any statement, is announced by a trigger on
 * the channel {@value #CHANNEL} at commit, and each node drops its copy of that user's
 * stamp when it hears it; this node drops it also as soon as its own change commits. The
 * copies are trusted only while the node is known to be listening: its listening
 * connection confirms it every couple of seconds, and a copy is not used when the last
 * confirmation is older than {@link #TRUSTED_NS} (a lost or silent connection) or the
 * connection was lost and not yet opened again; meanwhile every request reads the stamp
 * as before, and a new connection forgets every copy.
 */
@Component
class SecurityStamps implements NotificationListener {

	static final String CHANNEL = "identity_stamps";

	/** How long the listening connection's last confirmation is trusted. */
	static final long TRUSTED_NS = TimeUnit.SECONDS.toNanos(6);

	private static final int MAX_ENTRIES = 10_000;

	private final UserLogins users;

	private final LongSupplier nanos;

	private final Map<String, Long> stamps = new ConcurrentHashMap<>();

	/** Moves on with every change heard: a read older than the change is not kept. */
	private final AtomicLong changes = new AtomicLong();

	private volatile long confirmed;

	private volatile boolean listening;

	@Autowired
	SecurityStamps(UserLogins users) {
		this(users, System::nanoTime);
	}

	SecurityStamps(UserLogins users, LongSupplier nanos) {
		this.users = users;
		this.nanos = nanos;
	}

	/**
	 * The security stamp of an enabled user (empty for a disabled or unknown one), from
	 * this node's copy while it is trusted, otherwise from the database.
	 */
	OptionalLong stamp(String username) {
		boolean trusted = trusted();
		if (trusted) {
			Long known = this.stamps.get(username);
			if (known != null) {
				return OptionalLong.of(known);
			}
		}
		long seen = this.changes.get();
		OptionalLong stamp = this.users.stamp(username);
		if (trusted && stamp.isPresent()) {
			keep(username, stamp.getAsLong(), seen);
		}
		return stamp;
	}

	/**
	 * Changes the user's stamp (in the caller's transaction): every node's cached
	 * credentials of the user become useless once it commits.
	 */
	void restamp(String username) {
		this.users.restamp(username);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					forget(username);
				}
			});
		}
		else {
			forget(username);
		}
	}

	/** Drops this node's copy of the user's stamp. */
	void forget(String username) {
		this.changes.incrementAndGet();
		this.stamps.remove(username);
	}

	private void keep(String username, long stamp, long seen) {
		if (this.stamps.size() >= MAX_ENTRIES) {
			this.stamps.clear();
		}
		// kept only if no change was heard since the read began: a change heard after
		// this either finds the copy (and drops it) or moves the count on first
		this.stamps.compute(username, (name, old) -> (this.changes.get() == seen) ? Long.valueOf(stamp) : old);
	}

	private boolean trusted() {
		return this.listening && this.nanos.getAsLong() - this.confirmed < TRUSTED_NS;
	}

	private void forgetAll() {
		this.changes.incrementAndGet();
		this.stamps.clear();
	}

	@Override
	public String channel() {
		return CHANNEL;
	}

	@Override
	public void heard(String payload) {
		forget(payload);
	}

	@Override
	public void listening() {
		if (!trusted()) {
			// after a lost connection or a silence: nothing kept from before is trusted
			forgetAll();
		}
		this.confirmed = this.nanos.getAsLong();
		this.listening = true;
	}

	@Override
	public void lost() {
		this.listening = false;
		forgetAll();
	}

	@Override
	public void started() {
		lost();
	}

	@Override
	public void reconnected() {
		forgetAll();
	}

	@Override
	public void stopped() {
		lost();
	}

}
