//! Xvfb, D-Bus and tauri-driver for one test.

use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::window::Window;

/// The password of every test's vault.
pub const PASSWORD: &str = "corona de mamá";

/// A private display with a WebDriver server and a data folder.
pub struct Desktop {
    display: String,
    xvfb: Child,
    driver: Child,
    driver_port: u16,
    data: tempfile::TempDir,
    /// HOME, XDG_* and TMPDIR of the app, when they are the test's own.
    home: Option<tempfile::TempDir>,
    app: PathBuf,
}

/// The folders of a private home, by the variable that names each.
const HOME_FOLDERS: [(&str, &str); 5] = [
    ("HOME", "home"),
    ("XDG_CACHE_HOME", "cache"),
    ("XDG_DATA_HOME", "share"),
    ("XDG_CONFIG_HOME", "config"),
    ("TMPDIR", "tmp"),
];

impl Desktop {
    /// Starts Xvfb and tauri-driver (inside its own D-Bus session) with a
    /// data folder that has only its vault (password [`PASSWORD`]).
    pub fn start() -> Self {
        Self::start_without_vault().with_vault()
    }

    /// Makes the data folder's vault, at a cost far too low for real use,
    /// so that each launch unlocks at once.
    fn with_vault(self) -> Self {
        amparo_core::Vault::create_with_cost(
            self.data_dir(),
            PASSWORD,
            amparo_core::vault::KdfCost::WEAK_FOR_TESTS,
        )
        .expect("the test vault");
        self
    }

    /// [`Desktop::start`] with a home, caches, WebKit storage and temporary
    /// folder of the test's own ([`Desktop::private_folders`]), so a test can
    /// read everything the app left behind.
    pub fn start_with_private_home() -> Self {
        Self::start_on(Some(tempfile::tempdir().expect("temporary home"))).with_vault()
    }

    /// The private home's folders (see [`Desktop::start_with_private_home`]).
    pub fn private_folders(&self) -> Vec<PathBuf> {
        self.home
            .iter()
            .flat_map(|h| HOME_FOLDERS.iter().map(|(_, name)| h.path().join(name)))
            .collect()
    }

    /// [`Desktop::start`] with an empty data folder: Amparo's first start.
    pub fn start_without_vault() -> Self {
        Self::start_on(None)
    }

    /// Starts Xvfb and tauri-driver for an app that will use the data
    /// folder `data` as it is, with `env` added to its environment.
    pub fn start_on_data(data: tempfile::TempDir, env: &[(&str, &std::ffi::OsStr)]) -> Self {
        Self::start_with(None, data, env)
    }

    fn start_on(home: Option<tempfile::TempDir>) -> Self {
        let data = tempfile::tempdir().expect("temporary data folder");
        Self::start_with(home, data, &[])
    }

    fn start_with(
        home: Option<tempfile::TempDir>,
        data: tempfile::TempDir,
        env: &[(&str, &std::ffi::OsStr)],
    ) -> Self {
        let app = app_binary();
        let (display, xvfb) = start_xvfb();
        let driver_port = free_port();
        let native_port = free_port();
        let mut command = Command::new(require("dbus-run-session", "apt-get install dbus"));
        if let Some(home) = &home {
            for (variable, name) in HOME_FOLDERS {
                let folder = home.path().join(name);
                std::fs::create_dir_all(&folder).expect("private home folder");
                command.env(variable, folder);
            }
        }
        for (variable, value) in env {
            command.env(variable, value);
        }
        let driver = command
            .arg("--")
            .arg(tauri_driver())
            .args(["--port", &driver_port.to_string()])
            .args(["--native-port", &native_port.to_string()])
            .args([
                "--native-driver",
                &require("WebKitWebDriver", "apt-get install webkit2gtk-driver").to_string_lossy(),
            ])
            .env("DISPLAY", &display)
            .env("AMPARO_DATA_DIR", data.path())
            .env("NO_AT_BRIDGE", "1")
            .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
            .env("GDK_BACKEND", "x11")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .expect("start tauri-driver");
        wait_for_port(driver_port, Duration::from_secs(30));
        Self {
            display,
            xvfb,
            driver,
            driver_port,
            data,
            home,
            app,
        }
    }

    /// The data folder the app uses.
    pub fn data_dir(&self) -> &Path {
        self.data.path()
    }

    /// The address of the private session bus the app runs on (each start
    /// has its own `dbus-run-session`), read from the app's environment.
    pub fn session_bus(&self) -> String {
        let data = self.data.path().as_os_str().as_encoded_bytes().to_vec();
        let wanted = [b"AMPARO_DATA_DIR=".as_slice(), &data].concat();
        let app = std::fs::canonicalize(&self.app).unwrap_or_else(|_| self.app.clone());
        for entry in std::fs::read_dir("/proc").expect("/proc").flatten() {
            let Ok(environ) = std::fs::read(entry.path().join("environ")) else {
                continue;
            };
            let vars: Vec<&[u8]> = environ.split(|b| *b == 0).collect();
            let exe = std::fs::read_link(entry.path().join("exe")).unwrap_or_default();
            if exe != app || !vars.contains(&wanted.as_slice()) {
                continue;
            }
            if let Some(address) = vars
                .iter()
                .find_map(|v| v.strip_prefix(b"DBUS_SESSION_BUS_ADDRESS="))
            {
                return String::from_utf8_lossy(address).into_owned();
            }
        }
        panic!("the app's session bus was not found")
    }

    /// Starts the app a second time on the same display and data folder
    /// (as a double-click does), with `args`, and waits for that process to
    /// end: it should hand over to the window already open. Whether it
    /// ended well; a start that opens a window of its own instead is ended
    /// after 30 s and counts as failed.
    pub fn start_again(&self, args: &[&std::ffi::OsStr]) -> bool {
        let mut second = Command::new(&self.app)
            .args(args)
            .env("DISPLAY", &self.display)
            .env("AMPARO_DATA_DIR", self.data.path())
            .env("GDK_BACKEND", "x11")
            .env("NO_AT_BRIDGE", "1")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the app again");
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if let Some(status) = second.try_wait().expect("wait") {
                return status.success();
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = second.kill();
        let _ = second.wait();
        false
    }

    /// The X display, for screenshots of the whole screen.
    pub fn display(&self) -> &str {
        &self.display
    }

    /// Saves a PNG of the whole screen (the app's window fills it).
    /// WebDriver's own screenshot command hangs on WebKitGTK under Xvfb, so
    /// ImageMagick reads the X display instead.
    pub fn screenshot(&self, path: &Path) {
        let status = Command::new(require("import", "apt-get install imagemagick"))
            .args(["-display", &self.display, "-window", "root"])
            .arg(path)
            .status()
            .expect("run import");
        assert!(
            status.success(),
            "import could not capture {}",
            self.display
        );
    }

    /// Starts the app, unlocks it with [`PASSWORD`] and waits for the
    /// first screen behind the lock.
    pub async fn launch(&self) -> Window {
        let window = self.launch_locked().await;
        window.unlock(PASSWORD).await;
        window
    }

    /// Starts the app and waits for its first screen (the lock, when a
    /// vault exists).
    pub async fn launch_locked(&self) -> Window {
        Window::open(self.driver_port, &self.app).await
    }
}

impl Drop for Desktop {
    fn drop(&mut self) {
        for child in [&mut self.driver, &mut self.xvfb] {
            // Each was started in its own process group: end the whole group,
            // so no app, WebKitWebDriver or D-Bus daemon outlives the test.
            let _ = Command::new("kill")
                .args(["-TERM", "--", &format!("-{}", child.id())])
                .status();
            let _ = child.wait();
        }
    }
}

fn start_xvfb() -> (String, Child) {
    let xvfb = require("Xvfb", "apt-get install xvfb");
    for number in 90..140 {
        let socket = PathBuf::from(format!("/tmp/.X11-unix/X{number}"));
        let lock = PathBuf::from(format!("/tmp/.X{number}-lock"));
        if socket.exists() || lock.exists() {
            continue;
        }
        let display = format!(":{number}");
        let mut child = Command::new(&xvfb)
            .args([
                display.as_str(),
                "-screen",
                "0",
                "1200x800x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .expect("start Xvfb");
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(10) {
            if socket.exists() {
                return (display, child);
            }
            if let Ok(Some(_)) = child.try_wait() {
                break; // another run took this display first
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = child.kill();
        let _ = child.wait();
    }
    panic!("no free X display between :90 and :139 for Xvfb");
}

/// The app binary: `AMPARO_APP`, else target/debug/amparo-desktop.
fn app_binary() -> PathBuf {
    let path = std::env::var_os("AMPARO_APP")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            let target = std::env::var_os("CARGO_TARGET_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"));
            target.join("debug/amparo-desktop")
        });
    assert!(
        path.is_file(),
        "the app binary {} is missing: build it with `make app` (or set AMPARO_APP)",
        path.display()
    );
    path
}

fn tauri_driver() -> PathBuf {
    if let Some(found) = which("tauri-driver") {
        return found;
    }
    let cargo_bin = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|c| c.join("bin/tauri-driver"));
    match cargo_bin {
        Some(path) if path.is_file() => path,
        _ => panic!("tauri-driver is missing: `make e2e-tools` installs it"),
    }
}

fn require(program: &str, how: &str) -> PathBuf {
    which(program).unwrap_or_else(|| panic!("{program} is missing: {how} (`make deps` does this)"))
}

fn which(program: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(program))
            .find(|candidate| candidate.is_file())
    })
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free local port")
}

fn wait_for_port(port: u16, limit: Duration) {
    let started = Instant::now();
    while started.elapsed() < limit {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("tauri-driver did not listen on port {port} within {limit:?}");
}
