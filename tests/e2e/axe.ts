/**
 * axe-core in the page: the serious and critical accessibility violations
 * inside the given parts of it (our own markup, not WordPress' chrome).
 */

/**
 * External dependencies
 */
import path from 'node:path';
import type { Page } from '@playwright/test';

// axe-core is in node_modules through the e2e utilities (lighthouse).
const AXE = path.resolve( __dirname, '../../node_modules/axe-core/axe.min.js' );

interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	nodes: Array< { target: string[]; failureSummary?: string } >;
}

interface AxeWindow {
	axe: {
		run: (
			context: { include: string[][] },
			options: object
		) => Promise< { violations: AxeViolation[] } >;
	};
}

/**
 * Serious and critical violations inside these selectors, one line each:
 * rule, impact, element and what to fix.
 * @param page      Page.
 * @param selectors CSS selectors of our markup on the page.
 */
export async function seriousViolations(
	page: Page,
	selectors: string[]
): Promise< string[] > {
	if ( ! ( await page.evaluate( () => 'axe' in window ) ) ) {
		await page.addScriptTag( { path: AXE } );
	}
	const violations = await page.evaluate(
		async ( include ) =>
			(
				await ( window as unknown as AxeWindow ).axe.run(
					{ include: include.map( ( selector ) => [ selector ] ) },
					{ resultTypes: [ 'violations' ] }
				)
			).violations,
		selectors
	);
	return violations
		.filter( ( violation ) =>
			[ 'serious', 'critical' ].includes( violation.impact ?? '' )
		)
		.flatMap( ( violation ) =>
			violation.nodes.map(
				( node ) =>
					`${ violation.id } (${ violation.impact }): ${ node.target.join(
						' '
					) } — ${ violation.help }`
			)
		);
}
