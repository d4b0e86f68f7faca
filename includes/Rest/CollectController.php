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
	 * Sets aside WordPress' "invalid JSON" for this route: the validator
	 * reads the body and answers per event.
	 *
	 * @param mixed            $response A response or error decided so far.
	 * @param array<mixed>     $handler  The route handler.
	 * @param \WP_REST_Request $request  The request.
	 * @return mixed
	 */
	public function keep_raw_body( $response, array $handler, \WP_REST_Request $request ) {
		if ( Routes::path( 'collect' ) === $request->get_route() && is_wp_error( $response ) && 'rest_invalid_json' === $response->get_error_code() ) {
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
			)
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
		$result ??= $this->ingest->ingest_body( (string) $request->get_body(), (string) $request->get_header( 'Content-Type' ) );
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
