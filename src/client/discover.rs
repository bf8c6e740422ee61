//! POX Autodiscover over a [`Transport`]: the walk of [`crate::autodiscover`] with its requests
//! sent by any transport, so a discovery can be recorded to a HAR file and replayed from one
//! like the session that follows it.

use crate::autodiscover::{AutodiscoverError, Discovery, REQUEST_TYPE, Reply, Settings, drive};
use crate::session::{HttpRequest, ResponseBody};
use crate::transport::Transport;
use crate::wire::mapihttp::RequestType;

/// Drives `discovery` to its end: `authorized` (a transport holding the caller's
/// credentials) sends the requests [`Request::authorize`](crate::autodiscover::Request::authorize)
/// allows to carry them, `anonymous` the others. Each request travels as request type
/// [`REQUEST_TYPE`]. The transports must not follow HTTP redirects themselves (the crate's
/// `HttpTransport` does not), so that a 301/302/307/308 counts as a hop of the walk.
pub async fn autodiscover_over<A: Transport, N: Transport>(
    authorized: &A,
    anonymous: &N,
    discovery: Discovery,
) -> Result<Settings, AutodiscoverError> {
    drive(discovery, |request| async move {
        let http = HttpRequest {
            url: request.url,
            request_type: RequestType::Other(REQUEST_TYPE.into()),
            headers: request.headers,
            body: request.body.into_bytes(),
        };
        let answer = if request.authorize {
            authorized.send(&http).await
        } else {
            anonymous.send(&http).await
        };
        match answer {
            Err(e) => Reply::Failed(e.to_string()),
            Ok(response) => Reply::Response {
                status: response.status,
                location: response.header("location").map(str::to_owned),
                body: match response.body {
                    ResponseBody::Plain(body) => body,
                    ResponseBody::Framed(framed) => framed.body,
                },
            },
        }
    })
    .await
}
