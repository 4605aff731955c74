using EgressInfra;
using Pulumi;

return await Deployment.RunAsync(EgressProgram.RunAsync);
