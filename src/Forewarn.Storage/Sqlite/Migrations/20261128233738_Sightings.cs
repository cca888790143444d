using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Forewarn.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Sightings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "taxii_statuses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    KeyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Successes = table.Column<string>(type: "TEXT", nullable: false),
                    Failures = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_taxii_statuses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_taxii_statuses_partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sightings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AdvisoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    KeyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StixId = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Modified = table.Column<long>(type: "INTEGER", nullable: false),
                    SightingOfRef = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: true),
                    FirstSeen = table.Column<long>(type: "INTEGER", nullable: true),
                    LastSeen = table.Column<long>(type: "INTEGER", nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Raw = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sightings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_sightings_advisories_AdvisoryId",
                        column: x => x.AdvisoryId,
                        principalTable: "advisories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_sightings_partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_sightings_taxii_statuses_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "taxii_statuses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_sightings_AdvisoryId_ReceivedAt",
                table: "sightings",
                columns: new[] { "AdvisoryId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_sightings_PartnerId_StixId_Modified",
                table: "sightings",
                columns: new[] { "PartnerId", "StixId", "Modified" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sightings_SubmissionId",
                table: "sightings",
                column: "SubmissionId");

            migrationBuilder.CreateIndex(
                name: "IX_taxii_statuses_PartnerId_RequestedAt",
                table: "taxii_statuses",
                columns: new[] { "PartnerId", "RequestedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sightings");

            migrationBuilder.DropTable(
                name: "taxii_statuses");
        }
    }
}
