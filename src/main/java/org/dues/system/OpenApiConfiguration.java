package org.dues.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's OpenAPI description: served at {@code /v3/api-docs}, browsable at
 * {@code /swagger-ui.html}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI duesOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Dues API")
				.version("v1")
				.description("Creditors, placements, accounts, the balance ledger and payments. Money is "
						+ "{\"amount\": \"1234.50\", \"currency\": \"INR\"}; amounts in requests are decimal strings; "
						+ "errors are RFC 9457 problem details. POSTs accept an Idempotency-Key header."))
			.components(new Components().addSecuritySchemes("basic",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
			.addSecurityItem(new SecurityRequirement().addList("basic"));
	}

}
