//! Credentials and the `Authorization` header they produce.

use std::fmt;

use base64::Engine as _;

/// A secret (password, token) that never shows in `Debug`, `Display` or error text.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The secret itself, for the one place that must send it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Secret(value)
    }
}

/// How the transport proves who the user is.
#[derive(Clone, PartialEq, Eq)]
pub enum Credentials {
    /// No `Authorization` header (the emulator's anonymous mode).
    Anonymous,
    /// RFC 7617 Basic: refused over plain `http://` unless explicitly allowed.
    Basic {
        /// Login name (`user`, `DOMAIN\user` or `user@domain`).
        user: String,
        /// Password.
        password: Secret,
    },
    /// RFC 6750 Bearer token (Exchange Online OAuth).
    Bearer {
        /// The access token.
        token: Secret,
    },
    /// NTLM (MS-NLMP) through sspi: it authenticates the connection, so the transport keeps
    /// one keep-alive connection and repeats the handshake only when the server asks again.
    Ntlm {
        /// Login name (`user`, `DOMAIN\user` or `user@domain`).
        user: String,
        /// Password.
        password: Secret,
    },
    /// Negotiate (SPNEGO, RFC 4559) with NTLM inside, through sspi; connection-oriented like
    /// NTLM. Kerberos is not attempted.
    Negotiate {
        /// Login name (`user`, `DOMAIN\user` or `user@domain`).
        user: String,
        /// Password.
        password: Secret,
    },
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Credentials::Anonymous => f.write_str("Anonymous"),
            Credentials::Basic { user, .. } => f
                .debug_struct("Basic")
                .field("user", user)
                .field("password", &"<redacted>")
                .finish(),
            Credentials::Bearer { .. } => f
                .debug_struct("Bearer")
                .field("token", &"<redacted>")
                .finish(),
            Credentials::Ntlm { user, .. } => f
                .debug_struct("Ntlm")
                .field("user", user)
                .field("password", &"<redacted>")
                .finish(),
            Credentials::Negotiate { user, .. } => f
                .debug_struct("Negotiate")
                .field("user", user)
                .field("password", &"<redacted>")
                .finish(),
        }
    }
}

impl Credentials {
    /// The `Authorization` value for a one-leg scheme, `None` for anonymous.
    pub fn authorization_header(&self) -> Option<String> {
        match self {
            Credentials::Anonymous => None,
            Credentials::Basic { user, password } => {
                let pair = format!("{user}:{}", password.expose());
                Some(format!(
                    "Basic {}",
                    base64::engine::general_purpose::STANDARD.encode(pair)
                ))
            }
            Credentials::Bearer { token } => Some(format!("Bearer {}", token.expose())),
            // Connection-oriented: the transport runs the handshake.
            Credentials::Ntlm { .. } | Credentials::Negotiate { .. } => None,
        }
    }

    /// The scheme name, for reports that must not show the secret.
    pub fn scheme(&self) -> &'static str {
        match self {
            Credentials::Anonymous => "anonymous",
            Credentials::Basic { .. } => "basic",
            Credentials::Bearer { .. } => "bearer",
            Credentials::Ntlm { .. } => "ntlm",
            Credentials::Negotiate { .. } => "negotiate",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic_header_is_rfc7617() {
        let c = Credentials::Basic {
            user: "Aladdin".into(),
            password: Secret::new("open sesame"),
        };
        assert_eq!(
            c.authorization_header().as_deref(),
            Some("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")
        );
    }

    #[test]
    fn secrets_stay_out_of_debug() {
        let basic = Credentials::Basic {
            user: "alice".into(),
            password: Secret::new("hunter2"),
        };
        let bearer = Credentials::Bearer {
            token: Secret::new("eyJtoken"),
        };
        for shown in [
            format!("{basic:?}"),
            format!("{bearer:?}"),
            format!("{:?}", Secret::new("x1y2")),
        ] {
            assert!(
                !shown.contains("hunter2")
                    && !shown.contains("eyJtoken")
                    && !shown.contains("x1y2"),
                "{shown}"
            );
        }
        assert!(format!("{basic:?}").contains("alice"));
    }
}
