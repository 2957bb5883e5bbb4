package org.dues.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.dues.compliance.Channel;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The templates Dues ships (every purpose and channel in English, Hindi and Malayalam,
 * {@code messaging/templates.json}), loaded once into an empty table, each checked as a
 * template saved by a user is; an installation changes them by making new versions.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class TemplateSeeds implements ApplicationRunner {

	static final String RESOURCE = "/messaging/templates.json";

	private static final Logger log = LoggerFactory.getLogger(TemplateSeeds.class);

	private final Templates templates;

	private final TransactionTemplate transactions;

	TemplateSeeds(Templates templates, TransactionTemplate transactions) {
		this.templates = templates;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			load();
		}
		catch (org.dues.shared.ConflictException ex) {
			// another node, starting at the same moment, loaded them first
			log.info("The message templates were loaded by another node");
		}
	}

	private void load() {
		this.transactions.executeWithoutResult((tx) -> {
			if (this.templates.any()) {
				return;
			}
			List<Seed> seeds = read();
			for (Seed seed : seeds) {
				this.templates.create(seed.code(), Channel.valueOf(seed.channel()), seed.language(),
						MessagePurpose.valueOf(seed.purpose()), null, new TemplateText(seed.subject(), seed.body(),
								null, null, seed.dltTemplateId(), seed.whatsappName(), seed.whatsappLanguage()),
						"dues");
			}
			log.info("Loaded {} message templates", seeds.size());
		});
	}

	static List<Seed> read() {
		try (InputStream in = TemplateSeeds.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is missing");
			}
			return JsonMapper.builder().build().readValue(in, new TypeReference<List<Seed>>() {
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record Seed(String code, String channel, String language, String purpose, @Nullable String subject, String body,
			@Nullable String dltTemplateId, @Nullable String whatsappName, @Nullable String whatsappLanguage) {
	}

}
