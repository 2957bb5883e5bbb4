package org.dues.system;

import java.io.IOException;

/** A request body longer than Dues reads: answered 413. */
class BodyTooLargeException extends IOException {

	BodyTooLargeException(long limit) {
		super("The request body is larger than %d bytes.".formatted(limit));
	}

}
