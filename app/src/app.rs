//! The router and the page layout: header with the signed-in person, language switch and sign-out,
//! and the routes of every page.

use leptos::prelude::*;
use leptos_i18n::context::UseLocalesOptions;
use leptos_meta::{provide_meta_context, HashedStylesheet, Link, Meta, MetaTags, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::{path, SsrMode};

use crate::actions::components::{ActionPlanPage, ActionRollupPage};
use crate::audit::AuditLogPage;
use crate::auth::components::{
    ChoosePasswordPage, ForgotPasswordPage, SessionsPage, SignInPage, UserMenu,
};
use crate::auth::get_current_user;
use crate::checklists::components::{
    ChecklistPage, ChecklistTemplatesPage, ChecklistsPage, RollupPage,
};
use crate::compliance::components::CompliancePage;
use crate::cooperation::components::{CoopMeetingPage, CoopProtocolPage, GroupPage, GroupsPage};
use crate::env_report::components::{EnvImportPage, EnvReportPage, EnvTemplatePage};
use crate::health_service::components::HealthServicePage;
use crate::i18n::*;
use crate::meetings::components::{
    AgendaItemPage, AgendaPage, NextMeetingsPageView, ProposalsPage,
};
use crate::minutes::components::MinutesPage;
use crate::notices::components::OutboxPage;
use crate::org::components::{
    AccountsPage, FirstRunPageView, ImportPage, ImportPreviewPage, OrganisationPage, UnitsPage,
};
use crate::plan::components::{MeetingPage, PlanPage, TopicPage};
use crate::retention::components::RetentionPage;
use crate::template::components::{PushPageView, TemplatePageView, TemplateTopicPage};
use crate::ui::{FormsUnderWay, LanguageSwitch, NotFoundPage};
use crate::workload::components::WorkloadPage;

/// The HTML document around the app, rendered on the server. A page served without the wasm
/// is marked interactive from the start (the end-to-end tests wait for the mark before they
/// click); on the others the app marks it once it has hydrated.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let nonce = leptos::nonce::use_nonce();
    let without_wasm = page_without_wasm();
    let islands = cfg!(feature = "islands-only");
    if without_wasm || islands {
        // Nothing on the page hydrates (or only its islands, which mark themselves): no data
        // is serialised into it for the browser.
        if let Some(context) = Owner::current_shared_context() {
            context.set_is_hydrating(false);
        }
    }
    view! {
        <!DOCTYPE html>
        <html data-hydrated=without_wasm.then_some("true")>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <AutoReload options=options.clone() />
                <HashedStylesheet options=options.clone() id="leptos" />
                {(!without_wasm).then(|| view! { <HydrationScripts options islands /> })}
                // The service worker that keeps the next APT for reading offline.
                <link rel="manifest" href="/manifest.webmanifest" />
                <link rel="apple-touch-icon" href="/icon-192.png" />
                <script src="/offline.js" defer nonce=nonce></script>
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The pages that need nothing in the browser, served as HTML alone without the wasm bundle:
/// the employee's next APT, read on a phone. Every other page is still hydrated whole
/// (`AllPages`) until it is split into server-rendered HTML and islands.
const PAGES_WITHOUT_WASM: &[&str] = &["/nasta-apt", "/nasta-apt/"];

/// Whether this request's page is served without the wasm. False where no request is known: the
/// route listing at start-up must see every route.
fn page_without_wasm() -> bool {
    use_context::<http::request::Parts>()
        .is_some_and(|parts| PAGES_WITHOUT_WASM.contains(&parts.uri.path()))
}

/// The application: i18n, metadata, and either the pages that need no wasm (on the server
/// only) or every page (on the server, and hydrated in the browser).
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // Marks the document once the app is interactive (effects run only in the browser, after
    // hydration); the end-to-end tests wait for it before they click.
    Effect::new(|_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-hydrated", "true");
        }
    });
    let without_wasm = page_without_wasm();
    // Built inside the provider (as its children), so the pages find the language context.
    let pages = move || {
        if without_wasm {
            view! { <ServerPages /> }.into_any()
        } else {
            view! { <AllPages /> }.into_any()
        }
    };
    view! {
        <I18nProvider>
            <Link rel="icon" href="/favicon.svg" type_="image/svg+xml" />
            <Meta name="description" content="Årshjul: planera arbetsplatsträffar, kallelser och uppföljning." />
            <Meta name="theme-color" content="#1d4f73" />
            {pages()}
        </I18nProvider>
    }
}

/// The language context and the title's format.
#[component]
fn I18nProvider(children: Children) -> impl IntoView {
    // Swedish unless the person chose English (remembered in a cookie): the browser's
    // Accept-Language is not consulted, since many Swedish staff run English-language browsers.
    let no_header_locale = UseLocalesOptions::default().ssr_lang_header_getter(|| None);
    view! {
        <I18nContextProvider ssr_lang_header_getter=no_header_locale>
            <Title formatter=|title: String| {
                if title.is_empty() { "Årshjul".to_string() } else { format!("{title} – Årshjul") }
            } />
            {children()}
        </I18nContextProvider>
    }
}

/// The pages served without wasm: plain HTML, their forms and links work as they are.
#[component]
fn ServerPages() -> impl IntoView {
    view! {
        <Router>
            <Layout>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/nasta-apt") view=NextMeetingsPageView ssr=SsrMode::Async />
                </Routes>
            </Layout>
        </Router>
    }
}

/// Every page, hydrated whole, until each is split into server-rendered HTML and islands. Pages
/// render completely on the server before they are sent (SsrMode::Async), so they read the same
/// with JavaScript turned off.
#[component]
fn AllPages() -> impl IntoView {
    view! {
        <Router>
            <Layout>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=UnitsPage ssr=SsrMode::Async />
                    <Route path=path!("/logga-in") view=SignInPage ssr=SsrMode::Async />
                    <Route path=path!("/konto") view=SessionsPage ssr=SsrMode::Async />
                    <Route path=path!("/valj-losenord/:token") view=ChoosePasswordPage ssr=SsrMode::Async />
                    <Route path=path!("/glomt-losenord") view=ForgotPasswordPage ssr=SsrMode::Async />
                    <Route path=path!("/konton") view=AccountsPage ssr=SsrMode::Async />
                    <Route path=path!("/kom-igang") view=FirstRunPageView ssr=SsrMode::Async />
                    <Route path=path!("/organisation") view=OrganisationPage ssr=SsrMode::Async />
                    <Route path=path!("/organisation/import") view=ImportPage ssr=SsrMode::Async />
                    <Route path=path!("/organisation/arbetsmiljorapport") view=EnvTemplatePage ssr=SsrMode::Async />
                    <Route path=path!("/organisation/import/:import_id") view=ImportPreviewPage ssr=SsrMode::Async />
                    <Route path=path!("/organisation/:node_id") view=OrganisationPage ssr=SsrMode::Async />
                    <Route path=path!("/logg") view=AuditLogPage ssr=SsrMode::Async />
                    <Route path=path!("/gallring") view=RetentionPage ssr=SsrMode::Async />
                    <Route path=path!("/enhet/:unit_id") view=PlanPage ssr=SsrMode::Async />
                    <Route path=path!("/enhet/:unit_id/amne/:topic_id") view=TopicPage ssr=SsrMode::Async />
                    <Route path=path!("/enhet/:unit_id/mote/:meeting_id") view=MeetingPage ssr=SsrMode::Async />
                    <Route path=path!("/enhet/:unit_id/mote/:meeting_id/dagordning") view=AgendaPage ssr=SsrMode::Async />
                    <Route path=path!("/enhet/:unit_id/mote/:meeting_id/punkt/:item_id") view=AgendaItemPage ssr=SsrMode::Async />
                    <Route path=path!("/enhet/:unit_id/forslag") view=ProposalsPage ssr=SsrMode::Async />
                    <Route path=path!("/enhet/:unit_id/mote/:meeting_id/minnesanteckningar") view=MinutesPage ssr=SsrMode::Async />
                    <Route path=path!("/enhet/:unit_id/atgarder") view=ActionPlanPage ssr=SsrMode::Async />
                    <Route path=path!("/enhet/:unit_id/checklistor") view=ChecklistsPage ssr=SsrMode::Async />
                    <Route path=path!("/enhet/:unit_id/checklista/:checklist_id") view=ChecklistPage ssr=SsrMode::Async />
                    <Route path=path!("/enhet/:unit_id/mote/:meeting_id/avstamning") view=WorkloadPage ssr=SsrMode::Async />
                    <Route path=path!("/enhet/:unit_id/arbetsmiljorapport") view=EnvReportPage ssr=SsrMode::Async />
                    <Route path=path!("/enhet/:unit_id/efterlevnad") view=CompliancePage ssr=SsrMode::Async />
                    <Route path=path!("/enhet/:unit_id/arbetsmiljorapport/import/:import_id") view=EnvImportPage ssr=SsrMode::Async />
                    <Route path=path!("/samverkan") view=GroupsPage ssr=SsrMode::Async />
                    <Route path=path!("/samverkan/:group_id") view=GroupPage ssr=SsrMode::Async />
                    <Route path=path!("/samverkan/:group_id/foretagshalsovard") view=HealthServicePage ssr=SsrMode::Async />
                    <Route path=path!("/samverkan/:group_id/mote/:meeting_id") view=CoopMeetingPage ssr=SsrMode::Async />
                    <Route path=path!("/samverkan/:group_id/mote/:meeting_id/protokoll") view=CoopProtocolPage ssr=SsrMode::Async />
                    <Route path=path!("/uppfoljning") view=RollupPage ssr=SsrMode::Async />
                    <Route path=path!("/uppfoljning/atgarder") view=ActionRollupPage ssr=SsrMode::Async />
                    <Route path=path!("/nasta-apt") view=NextMeetingsPageView ssr=SsrMode::Async />
                    <Route path=path!("/utkorg") view=OutboxPage ssr=SsrMode::Async />
                    <Route path=path!("/mall") view=TemplatePageView ssr=SsrMode::Async />
                    <Route path=path!("/mall/checklistor") view=ChecklistTemplatesPage ssr=SsrMode::Async />
                    <Route path=path!("/mall/amne/:topic_id") view=TemplateTopicPage ssr=SsrMode::Async />
                    <Route path=path!("/obligatoriska-amnen") view=PushPageView ssr=SsrMode::Async />
                </Routes>
            </Layout>
        </Router>
    }
}

/// Skip link, header and main landmark around every page. The signed-in person is read again on
/// every navigation, so signing in or out (which both navigate) updates the header.
#[component]
fn Layout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let user = Resource::new(move || location.pathname.get(), |_| get_current_user());
    view! {
        <a class="skip-link" href="#innehall">{t!(i18n, skip_to_content)}</a>
        <header class="site-header">
            <div class="site-header__inner">
                <a class="brand" href="/">
                    <svg class="brand__logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
                        <circle cx="16" cy="16" r="13" fill="none" stroke="currentColor" stroke-width="3" />
                        <path d="M16 3v13l9 9" fill="none" stroke="currentColor" stroke-width="3" />
                    </svg>
                    <span class="brand__name">{t!(i18n, app_name)}</span>
                </a>
                <nav class="site-nav" aria-label=move || t_string!(i18n, main_nav).to_string()>
                    <Transition fallback=|| ()>
                        {move || {
                            user.get()
                                .and_then(|r| r.ok().flatten())
                                .map(|u| view! { <UserMenu user=u /> })
                        }}
                    </Transition>
                    <LanguageSwitch />
                </nav>
            </div>
        </header>
        <main id="innehall" class="site-main" tabindex="-1">
            {children()}
        </main>
        <FormsUnderWay />
    }
}
