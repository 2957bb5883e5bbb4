package org.dues.telephony.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A short WAV the simulated carrier's recordings play (they have no media of their own):
 * two seconds of a two-tone, 8 kHz, 16-bit mono, so a demo's audio element plays
 * something.
 */
final class SimulatedAudio {

	private static final int RATE = 8000;

	private SimulatedAudio() {
	}

	static byte[] wav(int seconds) {
		int samples = RATE * Math.max(1, Math.min(seconds, 5));
		ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < samples; i++) {
			double t = (double) i / RATE;
			// a 440 Hz tone for the first half, 660 Hz for the second, faded in and out
			double frequency = (i < samples / 2) ? 440 : 660;
			double envelope = Math.min(1, Math.min(i, samples - i) / (RATE * 0.05));
			pcm.putShort((short) (Math.sin(2 * Math.PI * frequency * t) * 8000 * envelope));
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
		header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2);
		header.put("WAVE".getBytes(StandardCharsets.US_ASCII));
		header.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1);
		header.putInt(RATE).putInt(RATE * 2).putShort((short) 2).putShort((short) 16);
		header.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
		out.writeBytes(header.array());
		out.writeBytes(pcm.array());
		return out.toByteArray();
	}

}
