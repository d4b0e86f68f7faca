/**
 * Internal dependencies
 */
import { watchTriggers } from '../../src/client/triggers';

// jsdom has no IntersectionObserver: this one lets a test say what is seen.
let observed: Element[] = [];
let reportSeen: ( targets: Element[] ) => void = () => {};
class FakeIntersectionObserver {
	constructor( callback: IntersectionObserverCallback ) {
		reportSeen = ( targets ) =>
			callback(
				// A real observer reports only what it still observes.
				targets
					.filter( ( target ) => observed.includes( target ) )
					.map(
						( target ) =>
							( {
								target,
								isIntersecting: true,
							} ) as IntersectionObserverEntry
					),
				this as unknown as IntersectionObserver
			);
	}
	observe( element: Element ) {
		observed.push( element );
	}
	unobserve( element: Element ) {
		observed = observed.filter( ( other ) => other !== element );
	}
}

const flushMutations = () =>
	new Promise( ( resolve ) => setTimeout( resolve ) );

let fired: string[];

beforeAll( () => {
	window.IntersectionObserver =
		FakeIntersectionObserver as unknown as typeof IntersectionObserver;
	document.body.innerHTML = `
		<button id="buy" data-footprints-event="trial_click"><svg><path id="icon"></path></svg></button>
		<form id="signup" data-footprints-event="signed_up" data-footprints-on="submit"><button type="button">Sign up</button></form>
		<section id="pricing" data-footprints-event="pricing_reached" data-footprints-on="view"></section>
		<div data-footprints-event="page_loaded" data-footprints-on="load"></div>`;
	fired = [];
	watchTriggers( ( element ) =>
		fired.push( element.getAttribute( 'data-footprints-event' )! )
	);
} );
beforeEach( () => ( fired = [] ) );

describe( 'watchTriggers', () => {
	it( 'fired load triggers once when it started', () => {
		// The page's load trigger fired in beforeAll, before this reset.
		expect( observed.map( ( element ) => element.id ) ).toEqual( [
			'pricing',
		] );
	} );

	it( 'counts a click on an icon for its tracked button', () => {
		document
			.getElementById( 'icon' )!
			.dispatchEvent( new MouseEvent( 'click', { bubbles: true } ) );

		expect( fired ).toEqual( [ 'trial_click' ] );
	} );

	it( 'sends submit triggers when the form is submitted, not clicked', () => {
		const form = document.getElementById( 'signup' )!;
		form.querySelector( 'button' )!.dispatchEvent(
			new MouseEvent( 'click', { bubbles: true } )
		);
		form.dispatchEvent( new Event( 'submit', { bubbles: true } ) );

		expect( fired ).toEqual( [ 'signed_up' ] );
	} );

	it( 'fires a view trigger once, however often it scrolls into view', () => {
		const pricing = document.getElementById( 'pricing' )!;
		reportSeen( [ pricing ] );
		reportSeen( [ pricing ] );

		expect( fired ).toEqual( [ 'pricing_reached' ] );
		expect( observed ).toEqual( [] );
	} );

	it( 'finds view and load triggers added later, each once', async () => {
		document.body.insertAdjacentHTML(
			'beforeend',
			`<div><p data-footprints-event="late_load" data-footprints-on="load"></p>
			<p id="late" data-footprints-event="late_view" data-footprints-on="view"></p></div>`
		);
		await flushMutations();
		document.body.appendChild( document.createElement( 'hr' ) );
		await flushMutations();

		expect( fired ).toEqual( [ 'late_load' ] );
		expect( observed.map( ( element ) => element.id ) ).toEqual( [
			'late',
		] );
	} );

	it( "does not count a submit that the form's own validation cancelled", () => {
		const form = document.getElementById( 'signup' )!;
		const validate = ( event: Event ) => event.preventDefault();
		form.addEventListener( 'submit', validate );

		form.dispatchEvent(
			new Event( 'submit', { bubbles: true, cancelable: true } )
		);
		form.removeEventListener( 'submit', validate );
		form.dispatchEvent(
			new Event( 'submit', { bubbles: true, cancelable: true } )
		);

		expect( fired ).toEqual( [ 'signed_up' ] );
	} );

	it( 'counts a click even when the page cancels its default action', () => {
		const button = document.getElementById( 'buy' )!;
		const route = ( event: Event ) => event.preventDefault();
		button.addEventListener( 'click', route );

		button.dispatchEvent(
			new MouseEvent( 'click', { bubbles: true, cancelable: true } )
		);
		button.removeEventListener( 'click', route );

		expect( fired ).toEqual( [ 'trial_click' ] );
	} );

	it( 'scans only the added nodes, not their parent, when items are appended', async () => {
		const list = document.createElement( 'ul' );
		document.body.appendChild( list );
		await flushMutations();
		const parentScans = jest.spyOn( list, 'querySelectorAll' );

		for ( let n = 0; n < 50; n++ ) {
			list.insertAdjacentHTML(
				'beforeend',
				`<li data-footprints-event="item_${ n }" data-footprints-on="load"></li>`
			);
		}
		await flushMutations();

		expect( fired ).toHaveLength( 50 );
		expect( new Set( fired ).size ).toBe( 50 );
		expect( parentScans ).not.toHaveBeenCalled();
	} );
} );
