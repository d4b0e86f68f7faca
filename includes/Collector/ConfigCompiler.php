<?php
/**
 * ConfigCompiler.
 *
 * @package Footprints
 */

namespace Footprints\Collector;

use Footprints\Database\JsonColumn;
use Footprints\Definitions\DefinitionCache;
use Footprints\Definitions\DefinitionTable;
use Footprints\Hookable;
use Footprints\People\SignInLink;

/**
 * Compiles what the collectors judge by (CollectorConfig) from the
 * definitions, the accepted app IDs and the settings, and writes it for
 * the fast collector whenever any of them changes: a definition written
 * here or by a sync (both move the definitions' revision on), or the
 * action footprints_collector_config_changed (fired by whoever changes
 * what the filter footprints_accepted_app_ids returns).
 */
final class ConfigCompiler implements Hookable {

	public const CHANGED_ACTION   = 'footprints_collector_config_changed';
	public const APP_IDS_FILTER   = 'footprints_accepted_app_ids';
	public const LIMITS_FILTER    = 'footprints_collector_limits';
	private const OPTIONS_WATCHED = array( DefinitionCache::REVISION_OPTION, CollectorSettings::PROXY_HEADER, SiteAppId::OPTION, SignInLink::SECRET_OPTION );

	/**
	 * The config of this request, once built.
	 *
	 * @var CollectorConfig|null
	 */
	private ?CollectorConfig $current = null;

	/**
	 * Constructor.
	 *
	 * @param \wpdb             $wpdb        WordPress' database connection.
	 * @param DefinitionCache   $definitions The definitions' revision.
	 * @param SiteAppId         $app_id      This site's app ID.
	 * @param CollectorSettings $settings    The owner's collector choices.
	 */
	public function __construct(
		private \wpdb $wpdb,
		private DefinitionCache $definitions,
		private SiteAppId $app_id,
		private CollectorSettings $settings
	) {}

	/**
	 * Recompiles on every change of what the config holds.
	 */
	public function hook(): void {
		add_action( self::CHANGED_ACTION, array( $this, 'write' ) );
		foreach ( self::OPTIONS_WATCHED as $option ) {
			add_action( 'add_option_' . $option, array( $this, 'write' ) );
			add_action( 'update_option_' . $option, array( $this, 'write' ) );
		}
	}

	/**
	 * The config as it stands now (built again when the definitions' revision moved).
	 */
	public function current(): CollectorConfig {
		if ( ! $this->current || $this->current->to_array()['revision'] !== $this->definitions->revision() ) {
			$this->current = new CollectorConfig( $this->compile() );
		}
		return $this->current;
	}

	/**
	 * This site's collector folder.
	 */
	public function data_dir(): DataDir {
		return DataDir::for_site( WP_CONTENT_DIR, get_current_blog_id() );
	}

	/**
	 * Compiles the config and writes it for the fast collector. Returns
	 * whether it was written (a read-only wp-content is not an error: the
	 * self-test then finds the fast collector down and the REST route serves).
	 */
	public function write(): bool {
		$this->current = null;
		$dir           = $this->data_dir();
		return $dir->create() && ( new ConfigFile( $dir->path ) )->write( $this->current()->to_array() );
	}

	/**
	 * Writes the config unless the file already holds this site's current
	 * one (a restored backup or a wp-content shared with a copy of the site
	 * may hold another). Returns whether the file is current.
	 */
	public function ensure_written(): bool {
		if ( ( new ConfigFile( $this->data_dir()->path ) )->read() === $this->compile() ) {
			return true;
		}
		return $this->write();
	}

	/**
	 * The config's array: see CollectorConfig.
	 *
	 * @return array<string, mixed>
	 */
	public function compile(): array {
		$rules       = CollectorConfig::rules( FOOTPRINTS_DIR );
		$site_app_id = $this->app_id->get();
		$accepted    = (array) apply_filters( 'footprints_accepted_app_ids', array( $site_app_id ) );
		/**
		 * Filters the collectors' limits (data/collector-limits.json), e.g.
		 * a higher rate for a site behind one proxy address.
		 *
		 * @param array<string, int> $limits Limits by name.
		 */
		$rules['limits'] = array_map( 'intval', (array) apply_filters( 'footprints_collector_limits', $rules['limits'] ) );
		return $rules + array(
			'revision'             => $this->definitions->revision(),
			'site_app_id'          => $site_app_id,
			'accepted_app_ids'     => array_fill_keys( array_map( 'strval', array_filter( $accepted, 'is_string' ) ), true ),
			'definitions'          => $this->definition_states(),
			'trusted_proxy_header' => $this->settings->proxy_header(),
			'redis'                => RedisSettings::current( get_current_blog_id() ),
			// Checks the sign-in cookie (SignInCookie); stays on the server.
			'signin_secret'        => SignInLink::secret(),
		);
	}

	/**
	 * Every definition's state, by code.
	 *
	 * @return array<string, array{enabled: bool, attributes: array<string, string>}>
	 */
	private function definition_states(): array {
		$wpdb = $this->wpdb;
		// phpcs:ignore WordPress.DB.PreparedSQL, WordPress.DB.DirectDatabaseQuery -- table name only; compiled once per change.
		$rows   = (array) $wpdb->get_results( 'SELECT code, enabled, attributes FROM ' . DefinitionTable::name( $wpdb ), ARRAY_A );
		$states = array();
		foreach ( $rows as $row ) {
			$states[ (string) $row['code'] ] = array(
				'enabled'    => '1' === (string) $row['enabled'],
				'attributes' => JsonColumn::decode( (string) $row['attributes'] ),
			);
		}
		return $states;
	}
}
