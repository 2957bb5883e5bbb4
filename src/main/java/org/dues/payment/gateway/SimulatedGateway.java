package org.dues.payment.gateway;

import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.dues.payment.PaymentChannel;
import org.dues.shared.Money;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The gateway of the embedded default and the demo: its checkout is a page inside Dues
 * that says it is a demo, and paying there (or "I have paid" for UPI) reports a capture,
 * or for a share of payments a failure, a few seconds later through the same intake as
 * real webhooks. Which payments fail follows from the checkout's id, so a test can tell.
 */
@Component
class SimulatedGateway implements Gateway {

	static final String NAME = "simulated";

	private final ObjectProvider<WebhookIntake> intake;

	private final Duration delay;

	private final double failures;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((r) -> {
		Thread thread = new Thread(r, "simulated-gateway");
		thread.setDaemon(true);
		return thread;
	});

	SimulatedGateway(ObjectProvider<WebhookIntake> intake, @Value("${dues.payments.simulated.delay:3s}") Duration delay,
			@Value("${dues.payments.simulated.failure-share:0.1}") double failures) {
		this.intake = intake;
		this.delay = delay;
		this.failures = failures;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public boolean handles(Currency currency) {
		return true;
	}

	@Override
	public Checkout checkout(CheckoutRequest request) {
		String id = "sim_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
		return new Checkout("/pay/%s/demo-checkout/%s".formatted(request.token(), id), id);
	}

	@Override
	public List<GatewayEvent> parse(Map<String, String> headers, byte[] body) {
		throw new WebhookRefusedException("the simulated gateway sends no webhooks over HTTP");
	}

	/** Whether paying through this checkout will fail. */
	boolean fails(String checkoutId) {
		return Math.floorMod(checkoutId.hashCode(), 1000) < this.failures * 1000;
	}

	/**
	 * Takes a payment at the demo checkout (or a UPI credit), reported after the delay.
	 */
	void pay(String checkoutId, String linkReference, Money amount, PaymentChannel channel) {
		String paymentId = "simpay_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		boolean fails = channel != PaymentChannel.UPI && fails(checkoutId);
		GatewayEvent event = new GatewayEvent("simevt_" + UUID.randomUUID(),
				fails ? "payment.failed" : "payment.captured",
				fails ? GatewayEvent.Type.FAILED : GatewayEvent.Type.CAPTURED, paymentId, linkReference, amount,
				channel, fails ? "declined by the demo gateway" : null);
		this.timer.schedule(() -> this.intake.getObject().accept(NAME, event), this.delay.toMillis(),
				TimeUnit.MILLISECONDS);
	}

}
