namespace EgressInfra.Core.Config;

/// <summary>The port protocols Istio accepts on a ServiceEntry (istio pkg/config/protocol).</summary>
public enum ServiceProtocol
{
    Http,
    Https,
    Http2,
    Grpc,
    GrpcWeb,
    HttpProxy,
    Tls,
    Tcp,
    Udp,
    Mongo,
    Redis,
    MySql,
}
