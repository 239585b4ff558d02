export default function TargetsPage({ subject, year }: { subject: string; year: string }) {
  return (
    <h1>
      {subject} {year}
    </h1>
  );
}
