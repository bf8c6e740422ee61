//! What one emulator instance looks like from the outside: address, timings, version string.

use std::net::{Ipv4Addr, SocketAddr};
use std::time::Duration;

use crate::wire::mapihttp::RequestType;

/// How the front end treats a request that carries no `Authorization` header.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum AnonymousPolicy {
    /// Hand it to the [`Authenticator`](crate::emulator::Authenticator) like any other, which
    /// answers 401 with its offer. This is Exchange's mailbox endpoint: MS-OXCMAPIHTTP 2.2.2.1
    /// "No anonymous requests are allowed", and the interop suite's S01_TC11 expects 401.
    #[default]
    Challenge,
    /// Let it reach the endpoint and refuse it there with X-ResponseCode 8 (Anonymous Not
    /// Allowed, MS-OXCMAPIHTTP 2.2.3.3.3): what a server answers when anonymous access is
    /// enabled on the web server in front of the endpoint.
    Refuse,
    /// Treat it as this login, without asking the authenticator (offline demo, tests).
    Allow {
        /// The login the request is attributed to.
        login: String,
    },
}

/// Artificial processing time per request type, spent on the worker while the response
/// stream sends PENDING keep-alives (MS-OXCMAPIHTTP 3.2.5.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Latency {
    /// Added to every Connect.
    pub connect: Duration,
    /// Added to every Execute.
    pub execute: Duration,
    /// Added to every Disconnect.
    pub disconnect: Duration,
    /// Added before a NotificationWait starts waiting.
    pub notification_wait: Duration,
    /// Added to every PING.
    pub ping: Duration,
}

impl Latency {
    /// The latency configured for `request_type` (zero for types the mailbox endpoint does not
    /// serve).
    pub fn for_request(&self, request_type: &RequestType) -> Duration {
        match request_type {
            RequestType::Connect => self.connect,
            RequestType::Execute => self.execute,
            RequestType::Disconnect => self.disconnect,
            RequestType::NotificationWait => self.notification_wait,
            RequestType::Ping => self.ping,
            _ => Duration::ZERO,
        }
    }
}

/// Configuration of one emulator HTTP front end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerConfig {
    /// Where to listen. Port 0 picks a free port; read it back from
    /// [`RunningServer::local_addr`](super::RunningServer::local_addr).
    pub listen: SocketAddr,
    /// Time between PENDING keep-alives, sent as X-PendingPeriod. MS-OXCMAPIHTTP 2.2.3.3.5
    /// gives 30000 ms as the default (its product note: 15000 ms on Exchange 2013 SP1 and the
    /// first Exchange 2016 release).
    pub pending_period: Duration,
    /// How long an unused Session Context lives, sent as X-ExpirationInfo
    /// (MS-OXCMAPIHTTP 2.2.3.3.8). Default 900000 ms, the value the recorded server in
    /// `fixtures/gromox/` sends.
    pub expiration: Duration,
    /// X-ServerApplication, in the `Exchange/15.xx.xxxx.xxx` form of MS-OXCMAPIHTTP 2.2.3.3.7.
    /// Default `Exchange/15.02.1544.004` (Exchange 2019 CU14).
    pub server_application: String,
    /// Artificial processing time per request type.
    pub latency: Latency,
    /// Largest request body accepted; larger ones get X-ResponseCode 9 (Too Large).
    pub max_body_size: usize,
    /// Longest a NotificationWait waits for an event before answering "no event". MS-OXCRPC
    /// 3.3.4.1 (EcDoAsyncWaitEx, which NotificationWait carries) gives 5 minutes, and the
    /// interop suite's S01_TC10 checks Exchange waits that long.
    pub notification_wait_max: Duration,
    /// Requests without credentials.
    pub anonymous: AnonymousPolicy,
}

impl ServerConfig {
    /// X-PendingPeriod default of MS-OXCMAPIHTTP 2.2.3.3.5.
    pub const DEFAULT_PENDING_PERIOD: Duration = Duration::from_millis(30_000);
    /// X-ExpirationInfo default: 15 minutes.
    pub const DEFAULT_EXPIRATION: Duration = Duration::from_millis(900_000);
    /// X-ServerApplication default.
    pub const DEFAULT_SERVER_APPLICATION: &'static str = "Exchange/15.02.1544.004";
    /// Request body limit default: 4 MiB, well above an Execute request (a ROP buffer of at
    /// most 32 KB per RPC_HEADER_EXT payload, MS-OXCRPC 3.1.4.2.1, plus auxiliary blocks).
    pub const DEFAULT_MAX_BODY_SIZE: usize = 4 * 1024 * 1024;
    /// NotificationWait limit default: 5 minutes (MS-OXCRPC 3.3.4.1).
    pub const DEFAULT_NOTIFICATION_WAIT_MAX: Duration = Duration::from_secs(300);

    /// The defaults on 127.0.0.1 with a free port.
    pub fn localhost() -> Self {
        ServerConfig::default()
    }

    /// Sets [`ServerConfig::listen`].
    pub fn with_listen(mut self, listen: SocketAddr) -> Self {
        self.listen = listen;
        self
    }

    /// Sets [`ServerConfig::pending_period`].
    pub fn with_pending_period(mut self, period: Duration) -> Self {
        self.pending_period = period;
        self
    }

    /// Sets [`ServerConfig::expiration`].
    pub fn with_expiration(mut self, expiration: Duration) -> Self {
        self.expiration = expiration;
        self
    }

    /// Sets [`ServerConfig::server_application`].
    pub fn with_server_application(mut self, value: impl Into<String>) -> Self {
        self.server_application = value.into();
        self
    }

    /// Sets [`ServerConfig::latency`].
    pub fn with_latency(mut self, latency: Latency) -> Self {
        self.latency = latency;
        self
    }

    /// Sets [`ServerConfig::max_body_size`].
    pub fn with_max_body_size(mut self, bytes: usize) -> Self {
        self.max_body_size = bytes;
        self
    }

    /// Sets [`ServerConfig::notification_wait_max`].
    pub fn with_notification_wait_max(mut self, max: Duration) -> Self {
        self.notification_wait_max = max;
        self
    }

    /// Sets [`ServerConfig::anonymous`].
    pub fn with_anonymous(mut self, policy: AnonymousPolicy) -> Self {
        self.anonymous = policy;
        self
    }
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            listen: SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
            pending_period: Self::DEFAULT_PENDING_PERIOD,
            expiration: Self::DEFAULT_EXPIRATION,
            server_application: Self::DEFAULT_SERVER_APPLICATION.to_owned(),
            latency: Latency::default(),
            max_body_size: Self::DEFAULT_MAX_BODY_SIZE,
            notification_wait_max: Self::DEFAULT_NOTIFICATION_WAIT_MAX,
            anonymous: AnonymousPolicy::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_follow_the_spec() {
        let c = ServerConfig::default();
        assert_eq!(c.pending_period.as_millis(), 30_000);
        assert_eq!(c.notification_wait_max.as_secs(), 300);
        assert!(c.listen.ip().is_loopback());
        assert_eq!(c.listen.port(), 0);
        // MS-OXCMAPIHTTP 2.2.3.3.7: Exchange/15.xx.xxxx.xxx
        let v = c.server_application.strip_prefix("Exchange/15.").unwrap();
        let parts: Vec<&str> = v.split('.').collect();
        assert_eq!(parts.iter().map(|p| p.len()).collect::<Vec<_>>(), [2, 4, 3]);
        assert!(parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())));
    }

    #[test]
    fn latency_per_type() {
        let l = Latency {
            execute: Duration::from_millis(5),
            ..Latency::default()
        };
        assert_eq!(
            l.for_request(&RequestType::Execute),
            Duration::from_millis(5)
        );
        assert_eq!(l.for_request(&RequestType::Connect), Duration::ZERO);
        assert_eq!(l.for_request(&RequestType::Bind), Duration::ZERO);
    }
}
