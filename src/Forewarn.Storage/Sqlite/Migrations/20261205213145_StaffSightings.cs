using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Forewarn.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StaffSightings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "staff_sightings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AdvisoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirstObservedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SourceUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Confidence = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Indicators = table.Column<string>(type: "TEXT", nullable: false),
                    SampleFileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SampleMediaType = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    SampleSize = table.Column<long>(type: "INTEGER", nullable: true),
                    SampleSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Trace = table.Column<string>(type: "TEXT", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedByKey = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_sightings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_staff_sightings_advisories_AdvisoryId",
                        column: x => x.AdvisoryId,
                        principalTable: "advisories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "staff_sighting_samples",
                columns: table => new
                {
                    SightingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Bytes = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_sighting_samples", x => x.SightingId);
                    table.ForeignKey(
                        name: "FK_staff_sighting_samples_staff_sightings_SightingId",
                        column: x => x.SightingId,
                        principalTable: "staff_sightings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_staff_sightings_AdvisoryId_RecordedAt",
                table: "staff_sightings",
                columns: new[] { "AdvisoryId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_staff_sightings_RecordedAt",
                table: "staff_sightings",
                column: "RecordedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "staff_sighting_samples");

            migrationBuilder.DropTable(
                name: "staff_sightings");
        }
    }
}
