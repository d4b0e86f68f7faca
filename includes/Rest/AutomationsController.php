<?php
/**
 * AutomationsController.
 *
 * @package Footprints
 */

namespace Footprints\Rest;

use Footprints\Automations\AutomationRules;
use Footprints\Automations\RuleService;
use Footprints\Automations\TestSend;
use Footprints\Capabilities;
use Footprints\Definitions\DefinitionSchema;
use Footprints\Hookable;

/**
 * Routes footprints/v1/automations: the automation rules (list, add,
 * read, replace, delete), a webhook's signing secret, a test send and
 * resuming a paused rule. Admins only; list answers never carry a
 * write-only value.
 */
final class AutomationsController implements Hookable {

	/**
	 * Constructor.
	 *
	 * @param RuleService $rules The rules.
	 * @param TestSend    $test  Sends a sample event to a rule's receiver.
	 */
	public function __construct( private RuleService $rules, private TestSend $test ) {}

	/**
	 * Registers the routes.
	 */
	public function hook(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
	}

	/**
	 * Registers the routes, admins only.
	 */
	public function register_routes(): void {
		$admin = array( Capabilities::class, 'current_user_manages' );
		register_rest_route(
			Routes::namespace(),
			Routes::route( 'automations' ),
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => fn() => new \WP_REST_Response( $this->rules->all() ),
					'permission_callback' => $admin,
				),
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => fn( \WP_REST_Request $request ) => self::answer( $this->rules->create( self::body( $request ) ), 201 ),
					'permission_callback' => $admin,
					'args'                => self::rule_args(),
				),
			)
		);
		register_rest_route(
			Routes::namespace(),
			Routes::route( 'automation' ),
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => fn( \WP_REST_Request $request ) => self::answer( $this->rules->get( self::id( $request ) ) ),
					'permission_callback' => $admin,
				),
				array(
					'methods'             => 'PUT',
					'callback'            => fn( \WP_REST_Request $request ) => self::answer( $this->rules->replace( self::id( $request ), self::body( $request ) ) ),
					'permission_callback' => $admin,
					'args'                => self::rule_args(),
				),
				array(
					'methods'             => \WP_REST_Server::DELETABLE,
					'callback'            => fn( \WP_REST_Request $request ) => self::answer( $this->rules->delete( self::id( $request ) ) ),
					'permission_callback' => $admin,
				),
			)
		);
		$actions = array(
			'automationSecret' => array( \WP_REST_Server::READABLE, fn( \WP_REST_Request $request ) => self::answer( $this->rules->secret( self::id( $request ) ) ) ),
			'automationTest'   => array( \WP_REST_Server::CREATABLE, fn( \WP_REST_Request $request ) => self::answer( $this->test->send( self::id( $request ) ) ) ),
			'automationResume' => array( \WP_REST_Server::CREATABLE, fn( \WP_REST_Request $request ) => self::answer( $this->rules->resume( self::id( $request ) ) ) ),
		);
		foreach ( $actions as $route => list( $method, $callback ) ) {
			register_rest_route(
				Routes::namespace(),
				Routes::route( $route ),
				array(
					'methods'             => $method,
					'callback'            => $callback,
					'permission_callback' => $admin,
				)
			);
		}
	}

	/**
	 * The arguments of a rule's write (POST creates, PUT replaces).
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function rule_args(): array {
		return array(
			'name'       => array(
				'description' => __( 'What the rule is called, e.g. "New trial to CRM".', 'footprints' ),
				'type'        => 'string',
				'required'    => true,
				'minLength'   => 1,
				'maxLength'   => AutomationRules::limit( 'nameLength' ),
			),
			'event'      => array(
				'description' => __( 'The code of the event (custom or system) that triggers the rule.', 'footprints' ),
				'type'        => 'string',
				'required'    => true,
				'pattern'     => DefinitionSchema::code_pattern(),
			),
			'conditions' => array(
				'description' => __( 'Attribute conditions, all of which must hold.', 'footprints' ),
				'type'        => 'array',
				'maxItems'    => AutomationRules::limit( 'conditions' ),
				'default'     => array(),
				'items'       => array(
					'type'                 => 'object',
					'required'             => array( 'attribute', 'operator' ),
					'additionalProperties' => false,
					'properties'           => array(
						'attribute' => array( 'type' => 'string' ),
						'operator'  => array(
							'type' => 'string',
							'enum' => AutomationRules::operators(),
						),
						'value'     => array( 'type' => array( 'string', 'number', 'boolean' ) ),
					),
				),
			),
			'action'     => array(
				'description'          => __( 'What the rule does: a webhook (url, include_brief, ai_draft), Slack (url, left out of a replace the saved one stays; include_brief) or a CRM endpoint (url, auth_header, auth_value, fields, ai_draft).', 'footprints' ),
				'type'                 => 'object',
				'required'             => true,
				'properties'           => array(
					'type'          => array(
						'type'     => 'string',
						'enum'     => AutomationRules::action_types(),
						'required' => true,
					),
					'url'           => array(
						'type'      => 'string',
						'maxLength' => AutomationRules::limit( 'urlLength' ),
					),
					'auth_header'   => array(
						'type'      => 'string',
						'maxLength' => AutomationRules::limit( 'headerLength' ),
					),
					'auth_value'    => array(
						'type'      => 'string',
						'maxLength' => AutomationRules::limit( 'authValueLength' ),
					),
					'fields'        => array(
						'type'                 => 'object',
						'maxProperties'        => AutomationRules::limit( 'crmFields' ),
						'additionalProperties' => array( 'type' => 'string' ),
					),
					'include_brief' => array(
						'description' => __( 'Add the lead brief (a readable summary of the lead\'s journey) as "brief" (webhook) or a "Lead brief" field (Slack). It reads the lead\'s timeline at send time. Default false.', 'footprints' ),
						'type'        => 'boolean',
					),
					'ai_draft'      => array(
						'description' => __( 'Draft a nurture email with the site\'s AI provider first and send it as "draft": {subject, body} (webhook) or through the sources draft.subject and draft.body (CRM). Refused while no AI provider is connected (Settings → Connectors). Default false.', 'footprints' ),
						'type'        => 'boolean',
					),
				),
				'additionalProperties' => false,
			),
			'enabled'    => array(
				'description' => __( 'Whether the rule runs.', 'footprints' ),
				'type'        => 'boolean',
				'default'     => true,
			),
		);
	}

	/**
	 * The rule as sent.
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return array<string, mixed>
	 */
	private static function body( \WP_REST_Request $request ): array {
		$body = array();
		foreach ( array_keys( self::rule_args() ) as $name ) {
			if ( null !== $request[ $name ] ) {
				$body[ $name ] = $request[ $name ];
			}
		}
		return $body;
	}

	/**
	 * The rule ID in the route.
	 *
	 * @param \WP_REST_Request $request The request.
	 */
	private static function id( \WP_REST_Request $request ): int {
		return (int) $request->get_url_params()['id'];
	}

	/**
	 * A service's result as an answer.
	 *
	 * @param array<string, mixed>|\WP_Error $result Result.
	 * @param int                            $status Status of a success.
	 */
	private static function answer( array|\WP_Error $result, int $status = 200 ): \WP_REST_Response|\WP_Error {
		return is_wp_error( $result ) ? $result : new \WP_REST_Response( $result, $status );
	}
}
