package org.dues.shared.validation;

/**
 * Message keys of {@code ValidationMessages.properties} that request records name in the
 * built-in constraints ({@code @NotBlank(message = Keys.REQUIRED)}), so every module says
 * "is required" and not Bean Validation's own "must not be blank".
 */
public final class Keys {

	/** "is required". */
	public static final String REQUIRED = "{dues.validation.required}";

	/** "must be at most {max} characters", for {@code @Size}. */
	public static final String LENGTH = "{dues.validation.text.length}";

	/**
	 * "must not contain control characters", for {@code @Pattern(regexp = NO_CONTROLS)}.
	 */
	public static final String CONTROLS = "{dues.validation.text.controls}";

	/** Text without control characters. */
	public static final String NO_CONTROLS = "\\P{Cc}*";

	private Keys() {
	}

}
