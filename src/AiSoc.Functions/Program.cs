using AiSoc.Functions.Hosting;
using AiSoc.Functions.Investigations;
using AiSoc.Functions.Operations;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddAiSocFunctions(builder.Configuration);
builder.Services.AddAiSocTelemetry(builder.Configuration);
builder.AddInvestigationOrchestration();
builder.Build().Run();
