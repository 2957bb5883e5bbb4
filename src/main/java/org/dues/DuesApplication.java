package org.dues;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Dues, an open-source collections platform.
 */
@SpringBootApplication
public class DuesApplication {

	public static void main(String[] args) {
		SpringApplication.run(DuesApplication.class, args);
	}

}
