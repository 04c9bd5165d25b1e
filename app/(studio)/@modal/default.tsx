/** No clip open over the page. */
export default function NoModal() {
  return null;
}
