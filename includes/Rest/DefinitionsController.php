<?php
/**
 * DefinitionsController.
 *
 * @package Footprints
 */

namespace Footprints\Rest;

use Footprints\Backend\ConnectedSites;
use Footprints\Capabilities;
use Footprints\Definitions\DefinitionRefused;
use Footprints\Definitions\DefinitionSchema;
use Footprints\Definitions\DefinitionService;
use Footprints\Hookable;

/**
 * Routes footprints/v1/definitions and footprints/v1/definitions/<code>: the
 * embedded backend's definitions, and the contract a connected site syncs
 * through (docs/openapi.json). Editors read (they pick events), admins
 * write, and another site reads with the key this hub gave it. The rules of a
 * write are DefinitionService's; this class translates HTTP to its calls
 * and its refusals to statuses.
 */
final class DefinitionsController implements Hookable {

	/**
	 * Constructor.
	 *
	 * @param DefinitionService $definitions The rules of reading and writing definitions.
	 * @param ConnectedSites    $sites       Sites that sync from this one, each with its own key.
	 */
	public function __construct( private DefinitionService $definitions, private ConnectedSites $sites ) {}

	/**
	 * Registers the routes.
	 */
	public function hook(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
		add_filter( 'rest_pre_serve_request', array( $this, 'serve_not_modified' ), 10, 2 );
	}

	/**
	 * Registers the collection and item routes.
	 */
	public function register_routes(): void {
		$write_args = DefinitionSchema::write_args();
		$route      = Routes::route( 'definitions' );
		register_rest_route(
			Routes::namespace(),
			$route,
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'list_definitions' ),
					'permission_callback' => array( $this, 'can_read' ),
					'args'                => self::list_args(),
				),
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'create' ),
					'permission_callback' => array( Capabilities::class, 'current_user_manages' ),
					'args'                => array_merge(
						$write_args,
						array(
							'code' => array( 'required' => true ) + $write_args['code'],
							'name' => array( 'required' => true ) + $write_args['name'],
						)
					),
				),
				'schema' => array( DefinitionSchema::class, 'get' ),
			)
		);
		register_rest_route(
			Routes::namespace(),
			$route . '/(?P<code>' . trim( DefinitionSchema::code_pattern(), '^$' ) . ')',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'read' ),
					'permission_callback' => array( $this, 'can_read' ),
				),
				array(
					'methods'             => 'PUT, PATCH',
					'callback'            => array( $this, 'update' ),
					'permission_callback' => array( Capabilities::class, 'current_user_manages' ),
					'args'                => $write_args,
				),
				array(
					'methods'             => \WP_REST_Server::DELETABLE,
					'callback'            => array( $this, 'delete' ),
					'permission_callback' => array( Capabilities::class, 'current_user_manages' ),
				),
				'schema' => array( DefinitionSchema::class, 'get' ),
			)
		);
	}

	/**
	 * Editors read definitions to pick events; a connected site reads them
	 * with the key this hub gave it.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public function can_read( \WP_REST_Request $request ): bool|\WP_Error {
		if ( $this->sites->is_presented( $request ) ) {
			return $this->sites->authenticate( $request );
		}
		return current_user_can( Capabilities::pick_events() );
	}

	/**
	 * A page of definitions; X-WP-Total counts all matches. The weak ETag
	 * changes whenever a definition is written (trigger counts aside), so a
	 * sync that sends it back gets a bodiless 304 when nothing changed.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public function list_definitions( \WP_REST_Request $request ): \WP_REST_Response {
		$etag = sprintf( 'W/"r%d"', $this->definitions->revision() );
		if ( $etag === $request->get_header( 'if_none_match' ) ) {
			$response = new \WP_REST_Response( null, 304 );
			$response->header( 'ETag', $etag );
			return $response;
		}
		$per_page = (int) $request['per_page'];
		$result   = $this->definitions->page(
			array(
				'search'   => trim( (string) $request['search'] ),
				'enabled'  => $request['enabled'],
				'system'   => $request['system'],
				'per_page' => $per_page,
				'page'     => (int) $request['page'],
			)
		);
		$response = Paging::response( $result['items'], $result['total'], $per_page );
		$response->header( 'ETag', $etag );
		return $response;
	}

	/**
	 * Sends nothing after a 304's headers, as HTTP requires.
	 *
	 * @param bool  $served Whether the response was sent already.
	 * @param mixed $result The response (another filter may have replaced it).
	 */
	public function serve_not_modified( $served, $result ): bool {
		return $served || ( $result instanceof \WP_HTTP_Response && 304 === $result->get_status() );
	}

	/**
	 * One definition.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public function read( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		return self::answer( fn() => new \WP_REST_Response( $this->definitions->get( self::url_code( $request ) ) ) );
	}

	/**
	 * Creates a definition; 201 with it.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public function create( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		return self::answer( fn() => new \WP_REST_Response( $this->definitions->create( self::sent( $request ) ), 201 ) );
	}

	/**
	 * Changes the fields sent; the code stays.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public function update( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		return self::answer( fn() => new \WP_REST_Response( $this->definitions->update( self::url_code( $request ), self::sent( $request ) ) ) );
	}

	/**
	 * Deletes a definition that was never triggered; 200 with what it was.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public function delete( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		return self::answer(
			fn() => new \WP_REST_Response(
				array(
					'deleted'  => true,
					'previous' => $this->definitions->delete( self::url_code( $request ) ),
				)
			)
		);
	}

	/**
	 * What the service answered, or its refusal as an error with the status
	 * that says why. A failed write is left to WordPress' 500, which the
	 * sender retries.
	 *
	 * @param callable(): \WP_REST_Response $call Calls the service.
	 */
	private static function answer( callable $call ): \WP_REST_Response|\WP_Error {
		try {
			return $call();
		} catch ( DefinitionRefused $refused ) {
			return $refused->to_wp_error();
		}
	}

	/**
	 * Arguments of the list route.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private static function list_args(): array {
		return array(
			'search'  => array(
				'description' => __( 'Only definitions whose code or name contains this.', 'footprints' ),
				'type'        => 'string',
				'maxLength'   => 191,
				'default'     => '',
			),
			'enabled' => array(
				'description' => __( 'Only enabled (true) or disabled (false) definitions.', 'footprints' ),
				'type'        => 'boolean',
			),
			'system'  => array(
				'description' => __( 'Only system events (true) or custom definitions (false).', 'footprints' ),
				'type'        => 'boolean',
			),
		) + Paging::args();
	}

	/**
	 * The writable fields the request sent (JSON body or form).
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return array<string, mixed>
	 */
	private static function sent( \WP_REST_Request $request ): array {
		$fields = array();
		foreach ( DefinitionSchema::WRITABLE as $field ) {
			if ( $request->has_param( $field ) ) {
				$fields[ $field ] = $request->get_param( $field );
			}
		}
		return $fields;
	}

	/**
	 * The code in the route (a body may carry another: a refused rename).
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	private static function url_code( \WP_REST_Request $request ): string {
		return (string) $request->get_url_params()['code'];
	}
}
