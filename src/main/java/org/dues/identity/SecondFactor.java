package org.dues.identity;

import java.security.InvalidKeyException;
import java.security.Key;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.time.Instant;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.dues.shared.NotFoundException;
import org.apache.commons.codec.binary.Base32;
import org.dues.system.FieldEncryption;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriUtils;

/**
 * A time-based one-time code (TOTP, RFC 6238: HMAC-SHA1, 6 digits, 30-second steps, what
 * every authenticator app reads from an {@code otpauth://} link or its QR code) as a
 * second factor. The secret is stored encrypted with {@link FieldEncryption}, bound to
 * its user; a code is accepted one step early or late (clock drift) and only once.
 */
@Service
public class SecondFactor {

	private static final String FIELD = "identity_users.totp_secret:";

	private static final Duration STEP = TimeBasedOneTimePasswordGenerator.DEFAULT_TIME_STEP;

	private final TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator();

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final FieldEncryption encryption;

	private final Clock clock;

	private final LoginThrottle throttle;

	private final SessionTermination sessions;

	private final ApplicationEventPublisher events;

	private final OwnPassword ownPassword;

	private final TransactionTemplate transactions;

	SecondFactor(JdbcClient jdbc, FieldEncryption encryption, Clock clock, LoginThrottle throttle,
			SessionTermination sessions, ApplicationEventPublisher events, OwnPassword ownPassword,
			TransactionTemplate transactions) {
		this.ownPassword = ownPassword;
		this.transactions = transactions;
		this.sessions = sessions;
		this.events = events;
		this.jdbc = jdbc;
		this.encryption = encryption;
		this.clock = clock;
		this.throttle = throttle;
	}

	/** A new random secret (160 bits, Base32) for a user to enrol with. */
	public String newSecret() {
		byte[] key = new byte[20];
		this.random.nextBytes(key);
		return new Base32().encodeToString(key).replace("=", "");
	}

	/** The {@code otpauth://} link that authenticator apps take. */
	public String uri(String username, String secret) {
		String label = UriUtils.encodePathSegment("Dues:" + username, "UTF-8");
		return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=Dues&algorithm=SHA1&digits=6&period=30";
	}

	/** The link as a QR code, an SVG image. */
	public String qrSvg(String text) {
		try {
			BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
			StringBuilder path = new StringBuilder();
			for (int y = 0; y < matrix.getHeight(); y++) {
				for (int x = 0; x < matrix.getWidth(); x++) {
					if (matrix.get(x, y)) {
						path.append('M').append(x).append(',').append(y).append("h1v1h-1z");
					}
				}
			}
			return """
					<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="240" height="240" \
					shape-rendering="crispEdges"><rect width="100%%" height="100%%" fill="#fff"/>\
					<path fill="#000" d="%s"/></svg>""".formatted(matrix.getWidth(), matrix.getHeight(), path);
		}
		catch (WriterException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Enrols the user with the secret when their current password and the code are right
	 * for it: a stolen session alone cannot put the thief's app on the account. The
	 * user's other sessions end.
	 * @param keepSession the session enrolling, which stays
	 * @param address the source address, if known
	 * @return whether the code was right (and the secret kept)
	 * @throws org.dues.shared.InvalidInputException if the current password is wrong, or
	 * was wrong too often
	 */
	public boolean enrol(String username, String secret, String code, String current, @Nullable String keepSession,
			@Nullable String address) {
		// outside the enrolment's transaction: a refused password's count and lockout
		// stay
		this.ownPassword.verify(username, current, address);
		long step = matchingStep(secret, code, 0);
		if (step < 0) {
			return false;
		}
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql("UPDATE identity_users SET totp_secret = :secret, totp_last_step = :step WHERE username = :u")
				.param("secret", this.encryption.encrypt(secret, FIELD + username))
				.param("step", step)
				.param("u", username)
				.update();
			this.sessions.endExcept(username, keepSession);
		});
		return true;
	}

	/**
	 * Checks a code given at login behind {@link LoginThrottle}: wrong codes count on the
	 * user's own bucket of codes (and the address's), which a right password does not
	 * refill; only a right code forgets them.
	 * @param address the source address, if known
	 */
	public CodeCheck check(String username, String code, @Nullable String address) {
		try {
			this.throttle.checkCode(username, address);
		}
		catch (LoginThrottledException ex) {
			return new CodeCheck(false, ex.retryAfterMinutes());
		}
		if (verify(username, code)) {
			this.throttle.codeSucceeded(username);
			return new CodeCheck(true, 0);
		}
		this.throttle.codeFailed(username, address);
		return new CodeCheck(false, 0);
	}

	/**
	 * Checks a code of an enrolled user; a code once accepted is not accepted again.
	 * @return whether it was right
	 */
	public boolean verify(String username, String code) {
		record Enrolment(byte[] secret, long lastStep) {
		}
		Enrolment enrolment = this.jdbc
			.sql("SELECT totp_secret, totp_last_step FROM identity_users WHERE username = :u")
			.param("u", username)
			.query((rs, n) -> new Enrolment(rs.getBytes(1), rs.getLong(2)))
			.optional()
			.orElse(null);
		if (enrolment == null || enrolment.secret() == null) {
			return false;
		}
		String secret = this.encryption.decrypt(enrolment.secret(), FIELD + username);
		long step = (secret == null) ? -1 : matchingStep(secret, code, enrolment.lastStep());
		if (step < 0) {
			return false;
		}
		// only one of two concurrent logins with the same code gets through
		return this.jdbc
			.sql("UPDATE identity_users SET totp_last_step = :step WHERE username = :u AND totp_last_step < :step")
			.param("step", step)
			.param("u", username)
			.update() == 1;
	}

	/** Whether the user has a second factor. */
	public boolean enrolled(String username) {
		return this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM identity_users WHERE username = :u AND totp_secret IS NOT NULL)")
			.param("u", username)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Removes the user's second factor: an administrator's reset, for a lost or replaced
	 * phone. The user's sessions end, and the reset is published
	 * ({@link SecondFactorReset}) for the audit trail.
	 * @throws NotFoundException when there is no such user
	 */
	@Transactional
	public void remove(String username, String by) {
		int rows = this.jdbc.sql("UPDATE identity_users SET totp_secret = NULL, totp_last_step = 0 WHERE username = :u")
			.param("u", username)
			.update();
		if (rows == 0) {
			throw new NotFoundException("user", username);
		}
		this.sessions.endAll(username);
		this.events.publishEvent(new SecondFactorReset(username, by, this.clock.instant()));
	}

	/** The users who have set up an authenticator app. */
	public Set<String> enrolledUsers() {
		return Set.copyOf(this.jdbc.sql("SELECT username FROM identity_users WHERE totp_secret IS NOT NULL")
			.query(String.class)
			.list());
	}

	/**
	 * The outcome of a code given at login.
	 *
	 * @param accepted whether the code was right
	 * @param lockedMinutes when refused without a check, the minutes until another try
	 */
	public record CodeCheck(boolean accepted, long lockedMinutes) {
	}

	/**
	 * The code for the secret at the given instant (tests, and nothing else, need it).
	 */
	String codeAt(String secret, Instant at) {
		try {
			return this.totp.generateOneTimePasswordString(key(secret), at);
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The time step, after {@code after}, at which the code is right, or -1. */
	private long matchingStep(String secret, @Nullable String code, long after) {
		if (code == null || !code.strip().matches("\\d{6}")) {
			return -1;
		}
		long now = this.clock.millis() / STEP.toMillis();
		for (long step = now - 1; step <= now + 1; step++) {
			if (step > after && codeAt(secret, Instant.ofEpochMilli(step * STEP.toMillis())).equals(code.strip())) {
				return step;
			}
		}
		return -1;
	}

	private static Key key(String secret) {
		return new SecretKeySpec(new Base32().decode(secret),
				TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
	}

}
