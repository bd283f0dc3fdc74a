using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using AiSoc.Core.Response;

namespace AiSoc.Approvals;

/// <summary>
/// Renders the approval page: the plan and a POST form with the anti-forgery token. Every value is HTML-encoded,
/// and the page contains no link, so alert text cannot add one.
/// </summary>
public static class ApprovalPageRenderer
{
    public static string Render(ApprovalRequest request, string antiForgeryToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var html = HtmlEncoder.Default;
        var builder = new StringBuilder();
        builder.AppendLine("<!DOCTYPE html>");
        builder.AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Approval request</title>");
        builder.AppendLine("<meta name=\"referrer\" content=\"no-referrer\"></head><body>");
        builder.Append(CultureInfo.InvariantCulture, $"<h1>Approval request {html.Encode(request.ApprovalId)}</h1>").AppendLine();
        builder.Append(CultureInfo.InvariantCulture, $"<p>Investigation {html.Encode(request.InvestigationId)}, plan <code>{html.Encode(PlanHasher.Shorten(request.PlanHash))}</code>, status {html.Encode(request.Status.ToString().ToLowerInvariant())}, expires {html.Encode(request.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))} UTC.</p>").AppendLine();

        builder.AppendLine("<table><thead><tr><th>Action</th><th>Target</th><th>Impact</th></tr></thead><tbody>");
        foreach (var action in request.Actions)
        {
            builder.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{html.Encode(ActionCatalog.Name(action.Type))}</td><td>{html.Encode(action.TargetKind)}: {html.Encode(action.TargetDisplayName)}</td><td>{html.Encode(action.Impact.ToString().ToLowerInvariant())}</td></tr>");
            builder.AppendLine();
        }

        builder.AppendLine("</tbody></table>");

        if (request.Status == ApprovalStatus.Pending)
        {
            builder.AppendLine("<form method=\"post\">");
            builder.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"{ApprovalForm.ApprovalIdField}\" value=\"{html.Encode(request.ApprovalId)}\">").AppendLine();
            builder.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"{ApprovalForm.PlanHashField}\" value=\"{html.Encode(request.PlanHash)}\">").AppendLine();
            builder.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"{ApprovalForm.AntiForgeryField}\" value=\"{html.Encode(antiForgeryToken)}\">").AppendLine();
            builder.Append(CultureInfo.InvariantCulture, $"<label>Comment <input type=\"text\" name=\"{ApprovalForm.CommentField}\" maxlength=\"500\"></label>").AppendLine();
            builder.Append(CultureInfo.InvariantCulture, $"<button type=\"submit\" name=\"{ApprovalForm.DecisionField}\" value=\"approve\">Approve</button>").AppendLine();
            builder.Append(CultureInfo.InvariantCulture, $"<button type=\"submit\" name=\"{ApprovalForm.DecisionField}\" value=\"reject\">Reject</button>").AppendLine();
            builder.AppendLine("</form>");
        }

        builder.AppendLine("</body></html>");
        return builder.ToString();
    }
}
