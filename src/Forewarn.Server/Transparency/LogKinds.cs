namespace Forewarn.Server.Transparency;

/// <summary>The kinds of entry the programme's transparency log holds.</summary>
public static class LogKinds
{
    /// <summary>Content (or its STIX objects) left the server for a partner.</summary>
    public const string ContentServed = "content.served";
    /// <summary>A partner asked for content and the policy said no (or the artifact is unknown to it).</summary>
    public const string ContentDenied = "content.denied";
    /// <summary>The policy allowed it but the partner's copy could not be made, so nothing was served.</summary>
    public const string ContentRefused = "content.refused";
    /// <summary>A served copy did not reach the partner in full: follows its <see cref="ContentServed"/> entry, which it names.</summary>
    public const string ContentInterrupted = "content.interrupted";
    /// <summary>Staff issued an API key (never its token): prefix, owner, partner, scopes, expiry.</summary>
    public const string KeyIssued = "key.issued";
    /// <summary>Staff revoked an API key.</summary>
    public const string KeyRevoked = "key.revoked";
    /// <summary>A key gained a scope on upgrade, because an older scope it held already allowed that work.</summary>
    public const string KeyScopeGranted = "key.scope_granted";
    /// <summary>Staff published a new policy version: its number, rules and their SHA-256.</summary>
    public const string PolicyChanged = "policy.changed";
    /// <summary>Staff added a partner or changed its fields, tier or status: each field's old and new value.</summary>
    public const string PartnerChanged = "partner.changed";
    /// <summary>Staff reviewed a partner (its vetting renewed): the note and when the next review falls due.</summary>
    public const string PartnerReviewed = "partner.reviewed";
    /// <summary>A partner was reminded, once, to acknowledge an advisory it had not acknowledged in time.</summary>
    public const string AcknowledgementReminded = "acknowledgement.reminded";
    /// <summary>A partner was warned that its contract (NDA) expires soon: the expiry date.</summary>
    public const string ContractExpiring = "partner.contract_expiring";
    /// <summary>Staff added or changed a tier: its description and lead times, before and after.</summary>
    public const string TierChanged = "tier.changed";
    /// <summary>Staff registered or changed a jurisdiction: its name, facts and notes, before and after.</summary>
    public const string JurisdictionChanged = "jurisdiction.changed";
    /// <summary>Staff created, revised, described, scheduled, moved, withdrew or imported an advisory: each field before and after.</summary>
    public const string AdvisoryChanged = "advisory.changed";
    /// <summary>Staff added an artifact (content) to an advisory: class, TLP, size and the content's SHA-256.</summary>
    public const string ArtifactAdded = "artifact.added";
    /// <summary>Staff planned or cancelled a notification wave: its time and artifacts.</summary>
    public const string WaveChanged = "wave.changed";
    /// <summary>A partner registered, rotated the secret of, or stopped a webhook endpoint (never the secret).</summary>
    public const string WebhookChanged = "webhook.changed";
    /// <summary>Staff sent a dead-lettered webhook delivery again.</summary>
    public const string DeliveryRevived = "delivery.revived";
    /// <summary>A partner acknowledged an advisory.</summary>
    public const string AdvisoryAcknowledged = "advisory.acknowledged";
    /// <summary>A partner gave detection feedback on an artifact: the verdict and the note's SHA-256 (never the note).</summary>
    public const string FeedbackRecorded = "feedback.recorded";
    /// <summary>Staff checked a CSAF document against the standard: its SHA-256 and the verdict.</summary>
    public const string CsafValidated = "csaf.validated";
    /// <summary>A partner sent exploitation sightings (over TAXII): which, of what advisory.</summary>
    public const string SightingsReceived = "sightings.received";
    /// <summary>A wave's time came and the server announced it (once per wave, whichever server did).</summary>
    public const string WavePublished = "wave.published";
    /// <summary>An advisory's embargo ended and version 1 of its public CSAF document was published.</summary>
    public const string AdvisoryReleased = "advisory.released";
    /// <summary>A later version of a released advisory's public CSAF document was published.</summary>
    public const string AdvisoryRevised = "advisory.revised";
    /// <summary>Staff recorded exploitation they learned of elsewhere: advisory, first observed, source, confidence, the sample's SHA-256 (never its bytes) and whom its trace named.</summary>
    public const string SightingRecorded = "sighting.recorded";
    /// <summary>Staff broke an advisory's embargo because of a sighting: the advisory, the sighting, the old and the new release time, the reason.</summary>
    public const string EmbargoBroken = "embargo.broken";
    /// <summary>Staff traced a leaked text: the artifact, the leak's SHA-256, marks read, verdict, accused partners.</summary>
    public const string TraceRun = "trace.run";
    /// <summary>Staff rotated a programme key (the CSAF signing key or the log key): which, the old and the new public key.</summary>
    public const string ProgramKeyRotated = "program-key.rotated";
    /// <summary>Staff took a backup of the whole store (its keys encrypted, as they rest).</summary>
    public const string StoreBackedUp = "store.backed-up";

    /// <summary>A staff member proposed a change that needs a second member's approval: the action, the request, until when.</summary>
    public const string ChangeProposed = "change.proposed";
    /// <summary>A second staff member approved a proposal; the change's own entry follows, naming both.</summary>
    public const string ChangeApproved = "change.approved";
    /// <summary>A second staff member rejected a proposal, with the reason; nothing changed.</summary>
    public const string ChangeRejected = "change.rejected";
    /// <summary>A proposal's time passed unapproved; nothing changed.</summary>
    public const string ChangeExpired = "change.expired";
    /// <summary>Someone invited a person to the portal: the invitation, its role, partner and expiry — never the e-mail address or the token.</summary>
    public const string InvitationCreated = "portal.invited";
    /// <summary>An invitation was accepted: the user it made (by id), role, partner, and for staff the member.</summary>
    public const string InvitationAccepted = "portal.invitation_accepted";
    /// <summary>Someone took an open invitation back (its link stops working): the invitation, role and partner.</summary>
    public const string InvitationRevoked = "portal.invitation_revoked";
    /// <summary>A portal user was disabled (signed out at the next request, cannot sign in): the user by id, role and partner.</summary>
    public const string PortalUserDisabled = "portal.user_disabled";
    /// <summary>A disabled portal user may sign in again: the user by id, role and partner.</summary>
    public const string PortalUserEnabled = "portal.user_enabled";
    /// <summary>A portal user's lost authenticator was reset (key and recovery codes cleared; they enrol again at the next sign-in).</summary>
    public const string PortalAuthenticatorReset = "portal.authenticator_reset";
    /// <summary>A portal user gave (or replaced) the OpenPGP public key their mail's embargoed text is encrypted to: the user by id — never the key, its fingerprint or the address.</summary>
    public const string PortalOpenPgpKeySet = "portal.openpgp_key_set";
    /// <summary>A portal user removed their OpenPGP public key: their notices come without embargoed text from then on.</summary>
    public const string PortalOpenPgpKeyRemoved = "portal.openpgp_key_removed";
    /// <summary>A partner's portal user turned advisory notices by mail on or off (<c>advisory_mail</c>: <c>on</c> or <c>off</c>).</summary>
    public const string PortalAdvisoryMailChanged = "portal.advisory_mail_changed";
    /// <summary>Staff added a named staff member (who may then hold staff keys).</summary>
    public const string StaffMemberAdded = "staff.added";
    /// <summary>Staff opened a case on an advisory: its reference, title and linked sightings.</summary>
    public const string CaseOpened = "case.opened";
    /// <summary>Staff added evidence to a case: its number, kind, size and SHA-256 — never its content; names no partner.</summary>
    public const string CaseEvidenceAdded = "case.evidence";
    /// <summary>A case decided about a partner (or proposed it, when four eyes apply): the kind, what it changes, the reason.</summary>
    public const string CaseDecision = "case.decision";
    /// <summary>A partner appealed a case's decision about it: the decision and the appeal's SHA-256.</summary>
    public const string CaseAppeal = "case.appeal";
    /// <summary>Staff decided a partner's appeal: upheld or overturned, and why.</summary>
    public const string CaseAppealDecided = "case.appeal-decided";
    /// <summary>Staff closed a case with its summary's SHA-256.</summary>
    public const string CaseClosed = "case.closed";
    /// <summary>Repeated failed authentications against one real key in one window, summed (never one entry per failure).</summary>
    public const string AuthFailures = "auth.failures";
    /// <summary>Staff bound a key, or every key of a partner, to networks — or cleared the binding.</summary>
    public const string NetworksChanged = "networks.changed";
    /// <summary>A right key was used from outside the networks it is bound to; nothing was done (the address only as a salted hash).</summary>
    public const string KeyRefusedNetwork = "key.refused_network";

    /// <summary>The kinds that record a content request (served, denied or refused).</summary>
    public static readonly IReadOnlyList<string> Content = [ContentServed, ContentDenied, ContentRefused];
}
