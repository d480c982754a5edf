export default function LibraryPage() {
  return <main><h1>Gloss</h1></main>;
}
