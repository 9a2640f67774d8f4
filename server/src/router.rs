//! The router: every route and layer of the server, built in one function so the binary serves it
//! and tests can drive it in-process.

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::services::ServeDir;
use tower_http::trace::TraceLayer;

use app::{shell, App};

use crate::config::Config;
use crate::{
    archive_routes, attachment_routes, audit_layer, calendar_routes, coop_archive_route,
    coop_bilaga_routes, env_report_routes, export_routes, health_routes, import_routes, offline,
    oidc_routes, protocol_pdf_route, request_limits, routes, security, unit_pdf_routes,
    ServerState, BODY_LIMIT,
};

/// Builds the whole app: plain routes, the Leptos pages and server functions, and the layers
/// (body limits, cross-site check, audit, cache headers, security headers,
/// compression) in the order they must wrap each other.
pub fn build(state: ServerState, config: &Config) -> Router {
    let routes = generate_route_list(App);
    let context = {
        let app_state = state.app.clone();
        move || {
            provide_context(app_state.clone());
            // Who is signed in is read once per request, however many server functions ask.
            provide_context(app::auth::request_session::RequestSession::default());
            // The render's nonce is the one the security middleware names in the page's policy.
            let nonce = use_context::<http::request::Parts>()
                .and_then(|parts| parts.extensions.get::<security::PageNonce>().cloned());
            if let Some(nonce) = nonce {
                provide_context(leptos::nonce::Nonce::from_value(nonce.0));
            }
        }
    };
    let policy = security::SecurityPolicy::new(config.public_url.as_deref());
    let limits = (
        request_limits::RequestLimits::new(config.requests_per_minute).map(std::sync::Arc::new),
        state.app.clone(),
    );
    let pkg = std::path::Path::new(state.leptos_options.site_root.as_ref())
        .join(state.leptos_options.site_pkg_dir.as_ref());
    Router::new()
        // Hashed build assets, served as the build precompressed them (brotli, gzip) when it did.
        .nest_service(
            &format!("/{}", state.leptos_options.site_pkg_dir),
            ServeDir::new(pkg).precompressed_br().precompressed_gzip(),
        )
        .route("/healthz", get(routes::healthz))
        .route("/sprak", post(routes::set_language))
        .route("/sw.js", get(offline::service_worker))
        .route("/bilagor/{id}", get(attachment_routes::download))
        .route(
            "/enhet/{unit_id}/kalender.ics",
            get(calendar_routes::unit_download),
        )
        .route(
            "/enhet/{unit_id}/mote/{meeting_id}/kallelse.pdf",
            get(unit_pdf_routes::notice_pdf),
        )
        .route(
            "/enhet/{unit_id}/mote/{meeting_id}/minnesanteckningar.pdf",
            get(unit_pdf_routes::minutes_pdf),
        )
        .route(
            "/enhet/{unit_id}/handlingsplan.pdf",
            get(unit_pdf_routes::action_plan_pdf),
        )
        .route(
            "/enhet/{unit_id}/checklista/{checklist_id}/checklista.pdf",
            get(unit_pdf_routes::checklist_pdf),
        )
        .route(
            "/enhet/{unit_id}/arbetsmiljorapport/{year}/rapport.pdf",
            get(env_report_routes::report_pdf),
        )
        .route(
            "/enhet/{unit_id}/arbetsmiljorapport/{year}/nyckeltal.xlsx",
            get(env_report_routes::figures_xlsx),
        )
        .route(
            "/enhet/{unit_id}/arbetsmiljorapport/{year}/sjukfranvaro.svg",
            get(env_report_routes::sick_leave_chart),
        )
        .route(
            "/enhet/{unit_id}/arbetsmiljorapport/{year}/sjukfranvaro-jamforelse.svg",
            get(env_report_routes::sick_leave_above_chart),
        )
        .route(
            "/enhet/{unit_id}/efterlevnad/{file}",
            get(env_report_routes::compliance_export),
        )
        .route("/kalender/{file}", get(calendar_routes::feed))
        .route(
            "/samverkan/kalender/{file}",
            get(calendar_routes::group_feed),
        )
        .route("/export/{file}", get(export_routes::export))
        .route(
            "/samverkan/{group_id}/mote/{meeting_id}/protokoll.pdf",
            get(protocol_pdf_route::download_protocol),
        )
        .route(
            "/samverkan/{group_id}/foretagshalsovard/{year}/diagram.svg",
            get(health_routes::chart),
        )
        .route(
            "/samverkan/{group_id}/kalender.ics",
            get(calendar_routes::group_download),
        )
        .route(
            "/samverkan/{group_id}/mote/{meeting_id}/bilaga/{id}/{file}",
            get(coop_bilaga_routes::download_bilaga),
        )
        .route("/export/arkiv/{file}", post(archive_routes::download))
        .route(
            "/samverkan/{group_id}/arkiv/{file}",
            post(coop_archive_route::download_archive),
        )
        .route("/logga-in/oidc", get(oidc_routes::begin))
        .route("/oidc/callback", get(oidc_routes::callback))
        .leptos_routes_with_context(&state, routes, context.clone(), {
            let options = state.leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            ServerState,
            _,
        >(context, shell))
        // Every route above takes at most BODY_LIMIT; uploads (below) have their own limit.
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT))
        .route(
            "/enhet/{unit_id}/mote/{meeting_id}/bilagor",
            post(attachment_routes::upload)
                .layer(DefaultBodyLimit::max(attachment_routes::UPLOAD_BODY_LIMIT)),
        )
        .route(
            "/samverkan/{group_id}/mote/{meeting_id}/bilagor",
            post(coop_bilaga_routes::upload)
                .layer(DefaultBodyLimit::max(attachment_routes::UPLOAD_BODY_LIMIT)),
        )
        .route(
            "/enhet/{unit_id}/arbetsmiljorapport/import",
            post(env_report_routes::upload_figures)
                .layer(DefaultBodyLimit::max(env_report_routes::FIGURES_BODY_LIMIT)),
        )
        .route(
            "/organisation/import/ladda-upp",
            post(import_routes::upload)
                .layer(DefaultBodyLimit::max(import_routes::IMPORT_BODY_LIMIT)),
        )
        .layer(axum::middleware::from_fn_with_state(
            policy.clone(),
            security::reject_cross_site,
        ))
        // Outside the cross-site check, so its refusals are recorded too.
        .layer(axum::middleware::from_fn_with_state(
            state.app.clone(),
            audit_layer::audit_requests,
        ))
        .layer(axum::middleware::from_fn(routes::cache_headers))
        .layer(axum::middleware::from_fn_with_state(
            state.app.clone(),
            offline::owner::mark_owner,
        ))
        // Outside the audit and everything else: a flood over the limit costs no more work.
        .layer(axum::middleware::from_fn_with_state(
            limits,
            request_limits::limit_requests,
        ))
        .layer(axum::middleware::from_fn_with_state(
            policy,
            security::security_headers,
        ))
        .layer(CompressionLayer::new())
        // Outermost: every log line of a request (a database error, a refusal) carries its span.
        .layer(TraceLayer::new_for_http().make_span_with(request_span))
        .with_state(state)
}

/// The span every request runs in: its method and route. A server function's route is its
/// `/api/…` path, so a "database error" in the log names the function it happened in. The
/// matched route pattern is used where there is one, so secrets in paths (a calendar feed's
/// token) never reach the log; other paths are cut to a bounded length.
fn request_span(request: &http::Request<axum::body::Body>) -> tracing::Span {
    let route = match request.extensions().get::<axum::extract::MatchedPath>() {
        Some(matched) => matched.as_str().to_string(),
        None => request.uri().path().chars().take(120).collect(),
    };
    tracing::info_span!("request", method = %request.method(), route = %route)
}
