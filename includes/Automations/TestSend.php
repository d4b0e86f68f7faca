<?php
/**
 * TestSend.
 *
 * @package Footprints
 */

namespace Footprints\Automations;

/**
 * "Send test": one attempt now, with a sample event of the rule's event
 * code, logged as a test. It neither retries nor counts toward pausing
 * the rule, and works on a paused or disabled rule (to check a fix before
 * resuming it). A rule that drafts with AI drafts from the sample, so the
 * test shows what the provider writes (or why it cannot).
 */
final class TestSend {

	/**
	 * Constructor.
	 *
	 * @param RuleStore        $rules    The rules.
	 * @param Payload          $payloads Builds the sample event.
	 * @param DeliveryHttp     $http     Sends it.
	 * @param DeliveryLog      $log      Logs it.
	 * @param PayloadAdditions $extras   The brief and AI draft the rule may ask for.
	 */
	public function __construct( private RuleStore $rules, private Payload $payloads, private DeliveryHttp $http, private DeliveryLog $log, private PayloadAdditions $extras ) {}

	/**
	 * Sends the sample; how it went.
	 *
	 * @param int $id Rule ID.
	 * @return array{ok: bool, response_code: int|null, duration_ms: int, error: string|null}|\WP_Error
	 */
	public function send( int $id ): array|\WP_Error {
		$rule = $this->rules->find( $id );
		if ( null === $rule ) {
			/* translators: %d: rule ID. */
			return new \WP_Error( 'footprints_automation_not_found', sprintf( __( 'No automation rule has the ID %d.', 'footprints' ), $id ), array( 'status' => 404 ) );
		}
		$payload = $this->payloads->sample( $rule['event'] );
		$at      = (int) floor( microtime( true ) * 1000 );
		$sent    = $this->extras->add( $rule['action'], $payload );
		$request = is_wp_error( $sent ) ? null : ActionRequest::for_rule( $rule, $sent, Worker::message_id( $id, $payload['event']['id'] ), intdiv( $at, 1000 ) );
		$result  = null === $request ? new Outcome( false, null, 0, $sent->get_error_message(), null ) : $this->http->send( $request );
		$this->log->record(
			array(
				array(
					'rule_id'         => $id,
					'rule_name'       => $rule['name'],
					'event_id'        => $payload['event']['id'],
					'code'            => $rule['event'],
					'attempt'         => 1,
					'status'          => $result->delivered ? 'delivered' : 'failed',
					'response_code'   => $result->response_code,
					'duration_ms'     => $result->duration_ms,
					'error'           => $result->error,
					'at_ms'           => $at,
					'next_attempt_ms' => null,
					'test'            => true,
					'request_body'    => $request?->body,
					'response_body'   => $result->response_body,
				),
			)
		);
		return array(
			'ok'            => $result->delivered,
			'response_code' => $result->response_code,
			'duration_ms'   => $result->duration_ms,
			'error'         => $result->error,
		);
	}
}
