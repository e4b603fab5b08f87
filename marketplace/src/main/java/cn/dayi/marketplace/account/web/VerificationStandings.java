package cn.dayi.marketplace.account.web;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.Licences;
import cn.dayi.marketplace.catalogue.OrganisationKind;
import cn.dayi.marketplace.account.Registrations;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.filestore.StoredFile;
import cn.dayi.marketplace.time.ClockFactory;
import jakarta.inject.Singleton;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The account page's verification panel: for each enterprise the person buys for that is not verified
 * yet, where it stands (PENDING or REJECTED with the reason) and its latest business licence, so the
 * member sees what is missing and uploads it there.
 */
@Singleton
class VerificationStandings {

    /** Codes the page explains after a failed licence upload (anything else: a general message). */
    static final Set<String> EXPLAINED = Set.of("FILE_REQUIRED", "FILE_TOO_LARGE", "FILE_TYPE_NOT_ALLOWED",
            "FILE_TYPE_MISMATCH", "FILE_EMPTY", "FILE_NAME_REQUIRED", "ALREADY_VERIFIED", "UPLOAD_INCOMPLETE");

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ClockFactory.SHANGHAI);

    /** One enterprise awaiting verification; {@code licenceName}/{@code licenceAt} null when none is uploaded. */
    public record Standing(long organisationId, String name, String verification, String note, String licenceName,
                           String licenceAt) {
    }

    private final Registrations registrations;
    private final Licences licences;

    VerificationStandings(Registrations registrations, Licences licences) {
        this.registrations = registrations;
        this.licences = licences;
    }

    List<Standing> of(Actor actor) {
        return actor.memberships().stream()
                .filter(m -> m.role() == Role.BUYER_MEMBER && m.organisationKind() == OrganisationKind.ENTERPRISE)
                .map(m -> registrations.status(m.organisationId()))
                .filter(v -> !"VERIFIED".equals(v.verification()))
                .map(v -> {
                    Optional<StoredFile> licence = licences.latest(v.organisationId());
                    return new Standing(v.organisationId(), v.name(), v.verification(), v.note(),
                            licence.map(StoredFile::name).orElse(null),
                            licence.map(f -> WHEN.format(f.uploadedAt())).orElse(null));
                }).toList();
    }

    /** The licence file name and upload time of a pending organisation for the admin's queue, or null. */
    String licenceOf(long organisationId) {
        return licences.latest(organisationId).map(f -> f.name() + " · " + WHEN.format(f.uploadedAt())).orElse(null);
    }
}
