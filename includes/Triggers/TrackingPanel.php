<?php
/**
 * TrackingPanel.
 *
 * @package Footprints
 */

namespace Footprints\Triggers;

use Footprints\Hookable;

/**
 * The server half of the "Event tracking" panel on core blocks: declares
 * the `footprints` attribute on the supported blocks and renders it as the
 * markup contract on the block's outer element. Blocks without tracking
 * settings are returned untouched.
 */
final class TrackingPanel implements Hookable {

	public const ATTRIBUTE = 'footprints';

	/**
	 * Supported block names, shared with the editor (data/supported-blocks.json).
	 *
	 * @var string[]|null
	 */
	private ?array $supported = null;

	/**
	 * Constructor.
	 *
	 * @param TriggerMarkup $triggers Renders the markup contract.
	 */
	public function __construct( private TriggerMarkup $triggers ) {}

	/**
	 * Adds the attribute and the render filter.
	 */
	public function hook(): void {
		add_filter( 'register_block_type_args', array( $this, 'add_attribute' ), 10, 2 );
		add_filter( 'render_block', array( $this, 'render' ), 10, 2 );
	}

	/**
	 * Declares the attribute, so the block's REST and server renderers accept it.
	 *
	 * @param array<string, mixed> $args       Block type arguments.
	 * @param string               $block_name Block name.
	 * @return array<string, mixed>
	 */
	public function add_attribute( array $args, string $block_name ): array {
		if ( $this->supports( $block_name ) ) {
			$args['attributes']                    = $args['attributes'] ?? array();
			$args['attributes'][ self::ATTRIBUTE ] = array( 'type' => 'object' );
		}
		return $args;
	}

	/**
	 * Adds the markup contract to the first element of a tracked block.
	 *
	 * @param string               $block_content Rendered block.
	 * @param array<string, mixed> $block         Parsed block.
	 */
	public function render( string $block_content, array $block ): string {
		$settings = $block['attrs'][ self::ATTRIBUTE ] ?? null;
		if ( ! is_array( $settings ) || ! $this->supports( (string) $block['blockName'] ) ) {
			return $block_content;
		}
		$markup = $this->triggers->place_on_page( $settings['event'] ?? null, $settings['on'] ?? null, $settings['attrs'] ?? null );
		if ( is_wp_error( $markup ) ) {
			return $block_content;
		}
		$element = new \WP_HTML_Tag_Processor( $block_content );
		if ( ! $element->next_tag() ) {
			return $block_content;
		}
		// set_attribute() escapes each value.
		foreach ( $markup as $name => $value ) {
			$element->set_attribute( $name, $value );
		}
		return $element->get_updated_html();
	}

	/**
	 * Whether a block has the panel.
	 *
	 * @param string $block_name Block name.
	 */
	private function supports( string $block_name ): bool {
		$this->supported ??= (array) wp_json_file_decode( FOOTPRINTS_DIR . '/data/supported-blocks.json', array( 'associative' => true ) );
		return in_array( $block_name, $this->supported, true );
	}
}
