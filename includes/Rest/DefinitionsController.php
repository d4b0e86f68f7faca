<?php
/**
 * DefinitionsController.
 *
 * @package Footprints
 */

namespace Footprints\Rest;

use Footprints\Backend\ConnectedSites;
use Footprints\Backend\RemoteBackendSettings;
use Footprints\Definitions\DefinitionRepository;
use Footprints\Definitions\DefinitionSchema;
use Footprints\Definitions\SystemEvents;
use Footprints\Hookable;

/**
 * Routes footprints/v1/definitions and footprints/v1/definitions/<code>: the
 * embedded backend's definitions, and the contract a connected site syncs
 * through (docs/openapi.yaml). Editors read (they pick events), admins
 * write, and another site reads with the key this hub gave it.
 */
final class DefinitionsController implements Hookable {

	private const CODE_ROUTE = '/definitions/(?P<code>[a-z][a-z0-9_]{1,63})';

	/**
	 * Constructor.
	 *
	 * @param DefinitionRepository  $definitions Stored definitions.
	 * @param ConnectedSites        $sites       Sites that sync from this one, each with its key.
	 * @param RemoteBackendSettings $connection  Which backend owns the definitions.
	 */
	public function __construct( private DefinitionRepository $definitions, private ConnectedSites $sites, private RemoteBackendSettings $connection ) {}

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
		register_rest_route(
			CollectController::NAMESPACE,
			'/definitions',
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
					'permission_callback' => array( $this, 'can_write' ),
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
			CollectController::NAMESPACE,
			self::CODE_ROUTE,
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'read' ),
					'permission_callback' => array( $this, 'can_read' ),
				),
				array(
					'methods'             => 'PUT, PATCH',
					'callback'            => array( $this, 'update' ),
					'permission_callback' => array( $this, 'can_write' ),
					'args'                => $write_args,
				),
				array(
					'methods'             => \WP_REST_Server::DELETABLE,
					'callback'            => array( $this, 'delete' ),
					'permission_callback' => array( $this, 'can_write' ),
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
		return current_user_can( 'edit_posts' );
	}

	/**
	 * Only admins change definitions.
	 */
	public function can_write(): bool {
		return current_user_can( 'manage_options' );
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
		$result   = $this->definitions->query(
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
	 * @param bool              $served Whether the response was sent already.
	 * @param \WP_HTTP_Response $result The response.
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
		$code       = self::url_code( $request );
		$definition = $this->definitions->find( $code );
		return $definition ? new \WP_REST_Response( $definition ) : self::not_found( $code );
	}

	/**
	 * Creates a definition; 201 with it.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public function create( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		$definition = self::writable( $request );
		$error      = $this->refuse_remote() ?? DefinitionSchema::validate( $definition );
		if ( $error ) {
			return $error;
		}
		$code = $definition['code'];
		if ( SystemEvents::is_reserved( $code ) ) {
			return DefinitionSchema::error(
				'code',
				/* translators: %s: event code. */
				sprintf( __( '"%s" is the code of a system event, so it is reserved. Choose another code.', 'footprints' ), $code )
			);
		}
		if ( ! $this->definitions->add_if_missing( $definition ) ) {
			return DefinitionSchema::error(
				'code',
				/* translators: %s: event code. */
				sprintf( __( 'An event with the code "%s" already exists; codes are unique. Choose another code, or edit that event.', 'footprints' ), $code )
			);
		}
		return new \WP_REST_Response( $this->definitions->find( $code ), 201 );
	}

	/**
	 * Changes the fields sent; the code stays.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public function update( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		$code    = self::url_code( $request );
		$current = $this->definitions->find( $code );
		if ( ! $current ) {
			return self::not_found( $code );
		}
		$changes = self::writable( $request );
		$error   = $this->refuse_remote() ?? self::refuse_system( $current );
		if ( ! $error && ( $changes['code'] ?? $code ) !== $code ) {
			$error = DefinitionSchema::error( 'code', __( 'The code of an event cannot change once it is created: blocks, shortcodes and stored events use it. Create a new event instead.', 'footprints' ) );
		}
		$error ??= DefinitionSchema::validate( array_merge( array_intersect_key( $current, array_flip( DefinitionSchema::WRITABLE ) ), $changes ) );
		if ( $error ) {
			return $error;
		}
		unset( $changes['code'] );
		$this->definitions->update( $code, $changes );
		return new \WP_REST_Response( $this->definitions->find( $code ) );
	}

	/**
	 * Deletes a definition that was never triggered; one with history can
	 * only be disabled.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	public function delete( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		$code    = self::url_code( $request );
		$current = $this->definitions->find( $code );
		if ( ! $current ) {
			return self::not_found( $code );
		}
		$error = $this->refuse_remote() ?? self::refuse_system( $current );
		if ( $error ) {
			return $error;
		}
		if ( ! $this->definitions->delete_untriggered( $code ) ) {
			return new \WP_Error(
				'footprints_definition_triggered',
				sprintf(
					/* translators: 1: event code, 2: number of times it was received. */
					_n( '"%1$s" was triggered %2$d time, so deleting it would break the history that refers to it. Disable it instead: it stops being tracked and its history stays.', '"%1$s" was triggered %2$d times, so deleting it would break the history that refers to it. Disable it instead: it stops being tracked and its history stays.', max( 1, (int) $current['trigger_count'] ), 'footprints' ),
					$code,
					max( 1, (int) $current['trigger_count'] )
				),
				array( 'status' => 409 )
			);
		}
		return new \WP_REST_Response(
			array(
				'deleted'  => true,
				'previous' => $current,
			)
		);
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
	 * The writable fields the request sent (JSON body or form), names trimmed.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return array<string, mixed>
	 */
	private static function writable( \WP_REST_Request $request ): array {
		$fields = array();
		foreach ( DefinitionSchema::WRITABLE as $field ) {
			if ( $request->has_param( $field ) ) {
				$fields[ $field ] = $request->get_param( $field );
			}
		}
		if ( isset( $fields['name'] ) && is_string( $fields['name'] ) ) {
			$fields['name'] = trim( $fields['name'] );
		}
		return $fields;
	}

	/**
	 * While a remote backend owns the definitions, the local copy is read-only.
	 */
	private function refuse_remote(): ?\WP_Error {
		if ( ! $this->connection->is_remote() ) {
			return null;
		}
		return new \WP_Error(
			'footprints_remote_backend',
			/* translators: %s: remote backend URL. */
			sprintf( __( 'Definitions come from the remote backend at %s: change them there, then Sync. To manage them on this site, switch the connection to "This site".', 'footprints' ), $this->connection->url() ),
			array( 'status' => 409 )
		);
	}

	/**
	 * System events cannot be changed or deleted.
	 *
	 * @param array<string, mixed> $definition Stored definition.
	 */
	private static function refuse_system( array $definition ): ?\WP_Error {
		if ( ! $definition['system'] ) {
			return null;
		}
		return new \WP_Error(
			'footprints_system_event',
			/* translators: %s: event code. */
			sprintf( __( '"%s" is a built-in system event: it is read-only and cannot be deleted.', 'footprints' ), $definition['code'] ),
			array( 'status' => 403 )
		);
	}

	/**
	 * The code in the route (a body may carry another: a refused rename).
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	private static function url_code( \WP_REST_Request $request ): string {
		return (string) $request->get_url_params()['code'];
	}

	/**
	 * A 404 for an unknown code.
	 *
	 * @param string $code Event code.
	 */
	private static function not_found( string $code ): \WP_Error {
		return new \WP_Error(
			'footprints_definition_not_found',
			/* translators: %s: event code. */
			sprintf( __( 'No event is defined with the code "%s".', 'footprints' ), $code ),
			array( 'status' => 404 )
		);
	}
}
