<?php
/**
 * ExportController.
 *
 * @package Footprints
 */

namespace Footprints\Rest;

use Footprints\Hookable;
use Footprints\Insights\Export\CsvDownload;
use Footprints\Insights\Export\ExportParams;
use Footprints\Insights\Export\ExportViews;

/**
 * GET footprints/v1/insights/export?view=<name>&…: a view's table as a CSV
 * download, streamed a chunk at a time. With cookie auth the REST nonce
 * travels as _wpnonce, so a plain link downloads.
 */
final class ExportController implements Hookable {

	/**
	 * Constructor.
	 *
	 * @param ExportViews $views The exportable views.
	 */
	public function __construct( private ExportViews $views ) {}

	/**
	 * Registers the route and the streaming of its answer.
	 */
	public function hook(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
		add_filter( 'rest_pre_serve_request', array( $this, 'serve' ), 10, 2 );
	}

	/**
	 * Registers GET /insights/export.
	 */
	public function register_routes(): void {
		InsightsRoute::register(
			'insightsExport',
			array( $this, 'export' ),
			array(
				'view' => array(
					'description' => __( 'The view to export, e.g. events; its own parameters follow.', 'footprints' ),
					'type'        => 'string',
					'required'    => true,
					'pattern'     => '^[a-z][a-z0-9-]{0,63}$',
				),
			)
		);
	}

	/**
	 * Finds the view and checks its parameters; the file itself is written by serve().
	 *
	 * @param \WP_REST_Request $request The request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function export( \WP_REST_Request $request ) {
		$name = (string) $request['view'];
		$view = $this->views->find( $name );
		if ( null === $view ) {
			$known = array_keys( $this->views->all() );
			return ExportParams::error(
				'view',
				sprintf(
					/* translators: 1: view name, 2: the views there are */
					__( 'There is no export "%1$s". Exports: %2$s.', 'footprints' ),
					$name,
					$known ? implode( ', ', $known ) : __( 'none', 'footprints' )
				)
			);
		}
		$params = ExportParams::validate( $view, $request->get_query_params() );
		if ( is_wp_error( $params ) ) {
			return $params;
		}
		$download = new CsvDownload( $view, $params );
		return new \WP_REST_Response(
			$download,
			200,
			array(
				'Content-Type'        => 'text/csv; charset=utf-8',
				'Content-Disposition' => 'attachment; filename="' . $download->file_name() . '"',
				'Cache-Control'       => 'no-store',
			)
		);
	}

	/**
	 * Streams a CsvDownload to the client instead of WordPress' JSON:
	 * output buffers closed so nothing holds the file, a flush per chunk.
	 *
	 * @param bool  $served Whether the request was served already.
	 * @param mixed $result The response.
	 */
	public function serve( $served, $result ): bool {
		if ( $served || ! $result instanceof \WP_HTTP_Response || ! $result->get_data() instanceof CsvDownload ) {
			return (bool) $served;
		}
		// A large export runs as long as it takes; the rows come a chunk at a time.
		if ( function_exists( 'set_time_limit' ) ) {
			set_time_limit( 0 ); // phpcs:ignore Squiz.PHP.DiscouragedFunctions.Discouraged -- a download of any length must not be cut off.
		}
		// Every buffer closed, so the file goes out as it is written.
		while ( ob_get_level() > 0 ) {
			if ( ! ob_end_flush() ) {
				break;
			}
		}
		$output = fopen( 'php://output', 'wb' ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_read_fopen -- the response body, not a file.
		if ( false === $output ) {
			return false;
		}
		try {
			$result->get_data()->write( $output, 'flush' );
		} catch ( \Throwable $e ) {
			// The 200 and the first rows are out already: the file's last line says it is cut short.
			fwrite( $output, "\r\n" . __( 'Export stopped before the end; download it again.', 'footprints' ) . "\r\n" ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_read_fwrite -- the response body.
			error_log( 'Footprints export failed: ' . $e->getMessage() ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- the failure must reach the log.
		}
		fclose( $output ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_read_fclose -- the response body.
		return true;
	}
}
