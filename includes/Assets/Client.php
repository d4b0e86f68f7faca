<?php
/**
 * Client.
 *
 * @package Footprints
 */

namespace Footprints\Assets;

use Footprints\Backend\BackendUrl;
use Footprints\Backend\RemoteBackendSettings;
use Footprints\Definitions\DefinitionRepository;
use Footprints\Hookable;
use Footprints\Settings\TrackingSettings;

/**
 * The bundled front-end client, a script module enqueued only when a page
 * renders a trigger or code enqueues it. Its settings travel as JSON data
 * and its stub is the same few bytes for every visitor (no nonce, nothing
 * per user), so full-page caches stay safe.
 */
final class Client implements Hookable {

	public const MODULE = '@footprints/client';

	// Defines window.footprints before the module runs and queues early calls
	// for it to replay. Hand-minified; the client reads the queue from `q`.
	private const STUB_FILE = '/src/client/stub.min.js';

	/**
	 * Whether this page got the stub already.
	 *
	 * @var bool
	 */
	private bool $stub_printed = false;

	/**
	 * Whether a trigger enqueued the client on this page.
	 *
	 * @var bool
	 */
	private bool $enqueued = false;

	/**
	 * Constructor.
	 *
	 * @param DefinitionRepository  $definitions Stored definitions.
	 * @param TrackingSettings      $settings    The site's privacy and debug choices.
	 * @param RemoteBackendSettings $connection  Which backend receives the events.
	 */
	public function __construct( private DefinitionRepository $definitions, private TrackingSettings $settings, private RemoteBackendSettings $connection ) {}

	/**
	 * Registers the module, its settings and its stub.
	 */
	public function hook(): void {
		add_action( 'init', array( $this, 'register' ) );
		add_filter( 'script_module_data_' . self::MODULE, array( $this, 'settings' ) );
		// As early as possible: in the head when the page knows by then that it
		// tracks (block themes render content first, code may enqueue early);
		// otherwise in the footer, still before the module and its data.
		add_action( 'wp_head', array( $this, 'print_stub' ), 1 );
		add_action( 'wp_footer', array( $this, 'print_stub' ), 1 );
		// Consent plugins list the plugins that ask the WP Consent API first.
		add_filter( 'wp_consent_api_registered_' . plugin_basename( FOOTPRINTS_FILE ), '__return_true' );
	}

	/**
	 * Registers the built module with the version the build computed.
	 */
	public function register(): void {
		$module = BuiltAsset::load( 'client/index' );
		if ( $module ) {
			wp_register_script_module( self::MODULE, $module->url, $module->dependencies, $module->version );
		}
	}

	/**
	 * Loads the client on this page.
	 */
	public function enqueue(): void {
		$this->enqueued = true;
		wp_enqueue_script_module( self::MODULE );
	}

	/**
	 * Whether this page loads the client, whoever enqueued it (WordPress
	 * 6.9 lists the queue; before, only this class's own enqueue is known).
	 */
	public function is_enqueued(): bool {
		$modules = wp_script_modules();
		return $this->enqueued || ( method_exists( $modules, 'get_queue' ) && in_array( self::MODULE, $modules->get_queue(), true ) );
	}

	/**
	 * The inline stub's source.
	 */
	public static function stub(): string {
		return trim( (string) file_get_contents( FOOTPRINTS_DIR . self::STUB_FILE ) ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local file of the plugin.
	}

	/**
	 * Prints the stub once, on pages that load the client.
	 */
	public function print_stub(): void {
		if ( $this->stub_printed || ! $this->is_enqueued() ) {
			return;
		}
		$this->stub_printed = true;
		wp_print_inline_script_tag( self::stub() );
	}

	/**
	 * What the client needs to know, printed as JSON beside the module: the
	 * collector, the enabled events with their attribute schemas, and the
	 * site's privacy and debug choices. Keys match src/client/settings.ts.
	 *
	 * @param array<string, mixed> $data Data other code added.
	 * @return array<string, mixed>
	 */
	public function settings( array $data ): array {
		$settings = array(
			'collect'   => $this->collector_url(),
			// Objects, so an empty schema is {} in JSON, not [].
			'events'    => (object) array_map( static fn( array $schema ) => (object) $schema, $this->definitions->enabled_schemas() ),
			'dnt'       => $this->settings->honors_dnt(),
			'anonymous' => $this->settings->sends_without_consent(),
		);
		if ( $this->connection->is_remote() ) {
			// The app ID only: the API key is a server-side secret.
			$settings['app_id'] = $this->connection->get()['app_id'];
		}
		if ( $this->settings->debug() ) {
			$settings['debug'] = true;
		}
		/**
		 * Filters the client's settings, e.g. to send events to a remote
		 * backend: `collect` (URL) and `app_id`.
		 *
		 * @param array<string, mixed> $settings See src/client/settings.ts.
		 */
		return array_merge( $data, (array) apply_filters( 'footprints_client_settings', $settings ) );
	}

	/**
	 * Where visitors' events go: this site's collector, or with a remote
	 * backend straight to the remote's (the same REST contract), so this
	 * WordPress is not in the hot path.
	 */
	private function collector_url(): string {
		if ( $this->connection->is_remote() ) {
			return BackendUrl::route( $this->connection->url(), 'collect' );
		}
		return rest_url( 'footprints/v1/collect' );
	}
}
