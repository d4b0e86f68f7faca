<?php
/**
 * CollectController.
 *
 * @package Footprints
 */

namespace Footprints\Rest;

use Footprints\Collector\ClientAddress;
use Footprints\Collector\ConfigCompiler;
use Footprints\Collector\RateLimiter;
use Footprints\Collector\Refusal;
use Footprints\Events\EventIngest;
use Footprints\People\SignInCookie;
use Footprints\Hookable;

/**
 * POST footprints/v1/collect: where the client delivers batches when the
 * fast collector (collect.php) cannot run on this host. Same request, same
 * answer, same validator (BatchValidator), same rate limit.
 *
 * The route reads its raw body itself: the client posts JSON as
 * text/plain (a CORS-safelisted type, so a remote backend needs no
 * preflight), and invalid UTF-8 in one event must cost that event only,
 * not the batch, so WordPress' own JSON parsing error is set aside.
 */
final class CollectController implements Hookable {

	/**
	 * Constructor.
	 *
	 * @param EventIngest    $ingest Validates and stores events.
	 * @param ConfigCompiler $config The collector config.
	 */
	public function __construct( private EventIngest $ingest, private ConfigCompiler $config ) {}

	/**
	 * Registers the route.
	 */
	public function hook(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
		add_filter( 'rest_request_before_callbacks', array( $this, 'keep_raw_body' ), 10, 3 );
	}

	/**
	 * Sets aside WordPress' own checks of this route's body (its JSON
	 * parsing and the documented `events` argument): the validator reads
	 * the raw body, whatever its type, and answers per event, exactly as the
	 * fast collector does.
	 *
	 * @param mixed            $response A response or error decided so far.
	 * @param array<mixed>     $handler  The route handler.
	 * @param \WP_REST_Request $request  The request.
	 * @return mixed
	 */
	public function keep_raw_body( $response, array $handler, \WP_REST_Request $request ) {
		if ( Routes::path( 'collect' ) === $request->get_route() && is_wp_error( $response ) && in_array( $response->get_error_code(), array( 'rest_invalid_json', 'rest_missing_callback_param', 'rest_invalid_param' ), true ) ) {
			return null;
		}
		return $response;
	}

	/**
	 * Registers POST /collect.
	 */
	public function register_routes(): void {
		register_rest_route(
			Routes::namespace(),
			Routes::route( 'collect' ),
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'collect' ),
				// Visitors are anonymous: anyone may send events. What they send is
				// bounded (size, count, rate) and checked event by event.
				'permission_callback' => '__return_true',
				// Documents the body (docs/openapi.json); BatchValidator enforces it.
				'args'                => self::batch_args( $this->config ),
			)
		);
	}

	/**
	 * The arguments of a batch of events: 1 to the collector's most events.
	 * The items are not typed here: the validator judges each on its own,
	 * so one bad event never costs the batch.
	 *
	 * @param ConfigCompiler $config The collector config.
	 * @return array<string, array<string, mixed>>
	 */
	public static function batch_args( ConfigCompiler $config ): array {
		return array(
			'events' => array(
				'description' => __( 'Events to store, oldest first.', 'footprints' ),
				'type'        => 'array',
				'required'    => true,
				'minItems'    => 1,
				'maxItems'    => $config->current()->limit( 'events_per_batch' ),
			),
		);
	}

	/**
	 * Stores the valid events of a batch and reports the others.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public function collect( \WP_REST_Request $request ): \WP_REST_Response {
		$config   = $this->config->current();
		$limits   = new RateLimiter( $this->config->data_dir()->rate_dir(), $config->limit( 'rate_requests' ), $config->limit( 'rate_window_seconds' ) );
		$result   = $limits->hit( ClientAddress::from( $_SERVER, $config->trusted_proxy_header() ), time() );
		$result ??= $this->ingest->ingest_body( (string) $request->get_body(), (string) $request->get_header( 'Content-Type' ), SignInCookie::user( $_SERVER, $config->signin_secret(), time() ) );
		return self::answer( $result );
	}

	/**
	 * A collector's answer: the counts and rejections (200), or the refusal
	 * with its status and headers (Retry-After).
	 *
	 * @param array<string, mixed>|Refusal $result What the ingest answered.
	 */
	public static function answer( array|Refusal $result ): \WP_REST_Response {
		if ( $result instanceof Refusal ) {
			$response = new \WP_REST_Response( $result->body(), $result->status );
			foreach ( $result->headers as $name => $value ) {
				$response->header( $name, $value );
			}
			return $response;
		}
		return new \WP_REST_Response( $result, 200 );
	}
}
