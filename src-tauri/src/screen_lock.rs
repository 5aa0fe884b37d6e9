//! Amparo locks when the screen does. The desktop's screen saver says so on
//! the session bus (`ActiveChanged(true)`: the freedesktop name that KDE and
//! Xfce use, and GNOME's, Cinnamon's and MATE's own), and logind on the
//! system bus (`Lock` on this session, as `loginctl lock-session` sends).
//! The vault's keys are dropped here first, so the lock holds even if the
//! page is busy; then the window is told to clear what it shows. Where no
//! bus answers, nothing listens: the idle lock and Ctrl+L still work.

use std::time::Duration;

use amparo_ops::Slot;
use dbus::blocking::Connection;
use dbus::message::MatchRule;
use tauri::{AppHandle, Emitter, Manager, Runtime};

/// The interfaces whose `ActiveChanged(bool)` signal says the screen saver
/// (and with it the screen lock) came on.
const SCREEN_SAVERS: &[&str] = &[
    "org.freedesktop.ScreenSaver",
    "org.gnome.ScreenSaver",
    "org.cinnamon.ScreenSaver",
    "org.mate.ScreenSaver",
];

/// The event the window clears its screens on.
pub const EVENT: &str = "screen-locked";

/// Starts listening, each bus on a thread of its own.
pub fn watch<R: Runtime>(app: &AppHandle<R>) {
    let session = app.clone();
    let _ = std::thread::Builder::new()
        .name("screen-saver".into())
        .spawn(move || listen_to_screen_saver(&session));
    let system = app.clone();
    let _ = std::thread::Builder::new()
        .name("logind".into())
        .spawn(move || listen_to_logind(&system));
}

fn lock<R: Runtime>(app: &AppHandle<R>) {
    app.state::<Slot>().lock();
    let _ = app.emit(EVENT, ());
}

fn listen_to_screen_saver<R: Runtime>(app: &AppHandle<R>) -> Result<(), dbus::Error> {
    let bus = Connection::new_session()?;
    for interface in SCREEN_SAVERS {
        let app = app.clone();
        bus.add_match(
            MatchRule::new_signal(*interface, "ActiveChanged"),
            move |(active,): (bool,), _, _| {
                if active {
                    lock(&app);
                }
                true
            },
        )?;
    }
    loop {
        bus.process(Duration::from_secs(3600))?;
    }
}

fn listen_to_logind<R: Runtime>(app: &AppHandle<R>) -> Result<(), dbus::Error> {
    let bus = Connection::new_system()?;
    let manager = bus.with_proxy(
        "org.freedesktop.login1",
        "/org/freedesktop/login1",
        Duration::from_secs(5),
    );
    let (session,): (dbus::Path<'static>,) = manager.method_call(
        "org.freedesktop.login1.Manager",
        "GetSessionByPID",
        (std::process::id(),),
    )?;
    let mut rule = MatchRule::new_signal("org.freedesktop.login1.Session", "Lock");
    rule.path = Some(session);
    let app = app.clone();
    bus.add_match(rule, move |(): (), _, _| {
        lock(&app);
        true
    })?;
    loop {
        bus.process(Duration::from_secs(3600))?;
    }
}
